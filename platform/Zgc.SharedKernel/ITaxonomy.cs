using System.Diagnostics.CodeAnalysis;

namespace Zgc.SharedKernel;

/// <summary>
/// What every closed list offers as a type: all its entries and parsing from a code. Implementing
/// <see cref="IParsable{TSelf}"/> lets ASP.NET Core bind route and query values straight to the type, and the
/// static members let one <see cref="TaxonomyJsonConverter{T}"/> serve every list.
/// </summary>
public interface ITaxonomy<TSelf> : IParsable<TSelf>
    where TSelf : TaxonomyCode<TSelf>, ITaxonomy<TSelf>
{
    /// <summary>Every entry, in the order of the Measures.</summary>
    static abstract IReadOnlyList<TSelf> All { get; }

    /// <exception cref="TaxonomyException">The code is not in the list.</exception>
    static abstract TSelf Parse(string? code);

    static abstract bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out TSelf? entry);
}

using System.Reflection;

namespace Zgc.Architecture.Tests;

/// <summary>
/// Messages cross service (and process) boundaries as JSON named by namespace + type, so every contract is a
/// sealed record of primitive-ish values in a <c>*.Contracts</c> namespace.
/// </summary>
public class ContractTypeTests
{
    private static readonly HashSet<Type> Primitives =
    [
        typeof(Guid), typeof(string), typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(DateTimeOffset), typeof(DateOnly),
    ];

    public static TheoryData<string> ContractTypes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var type in Solution.Contracts.SelectMany(a => a.GetExportedTypes()))
            {
                data.Add(type.Assembly.GetName().Name + "|" + type.FullName);
            }

            return data;
        }
    }

    [Fact]
    public void There_are_contract_types_to_check()
    {
        Assert.NotEmpty(ContractTypes);
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void A_contract_is_a_sealed_record(string contract)
    {
        var type = Resolve(contract);

        Assert.True(type.IsClass && type.IsSealed, $"{type.FullName} must be a sealed class (a sealed record).");
        var isRecord = type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
            && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
        Assert.True(isRecord, $"{type.FullName} must be a record.");
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void A_contract_lives_in_a_Contracts_namespace(string contract)
    {
        var type = Resolve(contract);
        Assert.True(type.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) == true,
            $"{type.FullName} must be in a namespace ending in .Contracts.");
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void A_contract_carries_only_primitive_values(string contract)
    {
        var type = Resolve(contract);
        var offending = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !IsPrimitiveIsh(p.PropertyType))
            .Select(p => $"{p.Name}: {p.PropertyType}")
            .ToList();

        Assert.True(offending.Count == 0, $"{type.FullName} has non-primitive properties: {string.Join(", ", offending)}.");
    }

    [Theory]
    [InlineData(typeof(Guid), true)]
    [InlineData(typeof(DateOnly?), true)]
    [InlineData(typeof(string[]), true)]
    [InlineData(typeof(IReadOnlyList<long>), true)]
    [InlineData(typeof(IReadOnlyList<decimal?>), true)]
    [InlineData(typeof(double), false)]
    [InlineData(typeof(DateTime), false)]
    [InlineData(typeof(List<string>), false)]
    [InlineData(typeof(Dictionary<string, string>), false)]
    [InlineData(typeof(object), false)]
    [InlineData(typeof(Uri), false)]
    public void The_primitive_check_itself(Type type, bool allowed)
    {
        Assert.Equal(allowed, IsPrimitiveIsh(type));
    }

    private static bool IsPrimitiveIsh(Type type)
    {
        if (Primitives.Contains(type))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Primitives.Contains(underlying);
        }

        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 && IsElement(type.GetElementType()!);
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && IsElement(type.GetGenericArguments()[0]);
    }

    private static bool IsElement(Type type) =>
        Primitives.Contains(type) || (Nullable.GetUnderlyingType(type) is { } underlying && Primitives.Contains(underlying));

    private static Type Resolve(string contract)
    {
        var parts = contract.Split('|');
        return Solution.Named(parts[0]).GetType(parts[1], throwOnError: true)!;
    }
}

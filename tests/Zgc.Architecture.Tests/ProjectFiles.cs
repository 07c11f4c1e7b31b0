using System.Xml.Linq;

namespace Zgc.Architecture.Tests;

/// <summary>Items of an SDK-style project file, read as XML (no MSBuild evaluation needed for these rules).</summary>
internal static class ProjectFiles
{
    /// <summary>The Include values of every <paramref name="itemType"/> item in the file.</summary>
    public static IReadOnlyList<string> Items(string projectFile, string itemType) =>
        [.. XDocument.Load(projectFile).Descendants()
            .Where(e => e.Name.LocalName == itemType)
            .Select(e => ((string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? "").Replace('\\', Path.DirectorySeparatorChar))];
}

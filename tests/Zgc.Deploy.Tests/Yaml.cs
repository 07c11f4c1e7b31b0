using YamlDotNet.RepresentationModel;

namespace Zgc.Deploy.Tests;

/// <summary>Small navigation helpers over YamlDotNet's representation model.</summary>
internal static class Yaml
{
    /// <summary>Every document of a (multi-document) YAML text, as mappings; empty documents are skipped.</summary>
    public static List<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static List<YamlMappingNode> DocumentsOfFile(params string[] path) => Documents(File.ReadAllText(Repo.PathOf(path)));

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Follows a path of keys (and list indexes written as numbers); null when any step is missing.</summary>
    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var step in path)
        {
            current = current switch
            {
                YamlSequenceNode list when int.TryParse(step, out var i) => i < list.Children.Count ? list.Children[i] : null,
                YamlMappingNode => current.Get(step),
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static string? TextAt(this YamlNode node, params string[] path) => node.At(path).Text();

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => (node as YamlSequenceNode)?.Children ?? [];

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node) =>
        (node as YamlMappingNode)?.Children.Select(kv => new KeyValuePair<string, YamlNode>(kv.Key.Text() ?? "", kv.Value)) ?? [];

    public static string Kind(this YamlNode document) => document.TextAt("kind") ?? "";

    public static string Name(this YamlNode document) => document.TextAt("metadata", "name") ?? "";
}

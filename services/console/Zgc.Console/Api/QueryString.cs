namespace Zgc.Console.Api;

/// <summary>A query string from name–value pairs, in the order given: empty values left out, the others escaped.</summary>
public static class QueryString
{
    public static string Of(params (string Name, string? Value)[] parameters) =>
        string.Join('&', parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}

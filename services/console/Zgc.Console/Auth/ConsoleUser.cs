namespace Zgc.Console.Auth;

/// <summary>A built-in user as the console knows it (never its password).</summary>
public sealed record ConsoleUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Unit, string? SubPark, string? Email = null);

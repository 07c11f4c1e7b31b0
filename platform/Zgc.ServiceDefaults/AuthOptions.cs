namespace Zgc.ServiceDefaults;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>A development-only key; every real deployment sets <c>Auth:SigningKey</c> or <c>Auth:Authority</c>.</summary>
    public const string DevelopmentSigningKey = "zgc-development-signing-key-change-me-0123456789";

    /// <summary>An OIDC authority (production). When set, tokens are validated against it.</summary>
    public string? Authority { get; set; }

    /// <summary>Symmetric key for tokens issued by the built-in sign-in (standalone and local deployments).</summary>
    public string SigningKey { get; set; } = DevelopmentSigningKey;

    public string Issuer { get; set; } = "zgc-platform";

    public string Audience { get; set; } = "zgc-platform";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}

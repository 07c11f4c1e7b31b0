namespace Zgc.Console;

/// <summary>The <c>Console</c> configuration section. Every value has a default here: the console ships no appsettings.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>
    /// The password of the seeded users (and of configured users without their own). DEVELOPMENT ONLY: it is public,
    /// in this repository; a real deployment signs users in through an OIDC authority (<c>Auth:Authority</c>).
    /// </summary>
    public const string DefaultDevPassword = "zgc-dev-password";

    /// <summary>The built-in users. When none are configured, <see cref="Auth.ConsoleUsers.Seeded"/> (one per role) apply.</summary>
    public List<ConsoleUserOptions> Users { get; set; } = [];

    /// <summary><c>Console:DevPassword</c>: see <see cref="DefaultDevPassword"/>.</summary>
    public string DevPassword { get; set; } = DefaultDevPassword;

    /// <summary>
    /// <c>Console:ApiBaseUrl</c>: where the services' HTTP APIs are (a gateway, or one service host). Unset: the console's
    /// own address, which is right in the standalone host where every API runs in the same process.
    /// </summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary><c>Console:ApiTimeout</c>: how long a page waits for an API answer.</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Console:Smtp</c>: e-mail notifications; off while <see cref="SmtpOptions.Host"/> is unset.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The <c>Console:Smtp</c> section: the mail server and who gets mail.</summary>
public sealed class SmtpOptions
{
    /// <summary>The SMTP server; unset (the default): no e-mail is sent.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>Auto</c> (STARTTLS when offered), <c>None</c>, <c>StartTls</c> (required) or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "zgc-platform@localhost";

    /// <summary>How often each recipient's notifications are looked at.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Addresses by user name, for users without their own <c>Email</c> (the seeded users among them):
    /// <c>Console:Smtp:Recipients:applicant=someone@example.cn</c>.
    /// </summary>
    public Dictionary<string, string> Recipients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The file that remembers which notifications were mailed (one key hash per line), so a restart sends nothing twice.
    /// Unset: <c>notifications-mailed.txt</c> in <c>Database:DataDirectory</c> (or the temp folder).
    /// </summary>
    public string? SentFile { get; set; }
}

/// <summary>One entry of <c>Console:Users</c>.</summary>
public sealed class ConsoleUserOptions
{
    public string UserName { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>Role names of <c>Zgc.ServiceDefaults.Roles</c>.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The applicant's unit (USCC), carried as the <c>unit</c> claim.</summary>
    public string? Unit { get; set; }

    /// <summary>The sub-park officer's sub-park code, carried as the <c>subpark</c> claim.</summary>
    public string? SubPark { get; set; }

    /// <summary>Where this user's notifications are e-mailed (when <c>Console:Smtp:Host</c> is set).</summary>
    public string? Email { get; set; }

    /// <summary>Optional own password in clear (development only); unset: <see cref="ConsoleOptions.DevPassword"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The password as an ASP.NET Core Identity (v3, PBKDF2) hash — what a real deployment configures, from a secret or the
    /// environment. Make one with <c>dotnet run --project deploy/standalone -- --hash-password</c>. Wins over <see cref="Password"/>.
    /// </summary>
    public string? PasswordHash { get; set; }
}

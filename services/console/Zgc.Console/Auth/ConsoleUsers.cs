using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Auth;

/// <summary>
/// The built-in users of <c>Console:Users</c>, or the seeded set (one per role) when none are configured, and the check
/// of their passwords. Every check goes through ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2):
/// a configured user gives its <c>PasswordHash</c>; a development password is hashed once, in memory, and never kept
/// in clear beyond configuration. An unknown user name is checked against a hash too, so neither the timing nor the
/// answer tells which part was wrong.
/// </summary>
public sealed class ConsoleUsers(IOptionsMonitor<ConsoleOptions> options)
{
    /// <summary>The applicant unit of the seeded applicant (a well-formed example USCC).</summary>
    public const string SeededApplicantUnit = "91110108MA01ABCD1E";

    /// <summary>The sub-park of the seeded sub-park officer.</summary>
    public const string SeededSubPark = "haidian";

    /// <summary>One user per role, all with <see cref="ConsoleOptions.DevPassword"/> (development only).</summary>
    public static IReadOnlyList<ConsoleUser> Seeded { get; } =
    [
        new("applicant", "北京示例科技有限公司申报人", [Roles.Applicant], SeededApplicantUnit, null),
        new("subpark-haidian", "海淀园分园工作人员", [Roles.SubParkOfficer], null, SeededSubPark),
        new("committee", "中关村管委会工作人员", [Roles.CommitteeOfficer], null, null),
        new("expert", "评审专家", [Roles.Expert], null, null),
        // A panel has at least five experts (R-A13-EXPERT), so the walkthrough needs five to score.
        new("expert-2", "评审专家二", [Roles.Expert], null, null),
        new("expert-3", "评审专家三", [Roles.Expert], null, null),
        new("expert-4", "评审专家四", [Roles.Expert], null, null),
        new("expert-5", "评审专家五", [Roles.Expert], null, null),
        new("finance-preparer", "财务经办人", [Roles.FinancePreparer], null, null),
        new("finance-approver", "财务审核人", [Roles.FinanceApprover], null, null),
        new("monitoring", "监测评估人员", [Roles.MonitoringOfficer], null, null),
        new("admin", "系统管理员", [Roles.Admin], null, null),
    ];

    /// <summary>Everyone who may sign in, in configuration order.</summary>
    public IReadOnlyList<ConsoleUser> All
    {
        get
        {
            var configured = options.CurrentValue.Users;
            return configured.Count == 0
                ? Seeded
                : [.. configured.Select(u => new ConsoleUser(u.UserName.Trim(), string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName.Trim() : u.DisplayName,
                    [.. u.Roles], Blank(u.Unit), Blank(u.SubPark), Blank(u.Email)))];
        }
    }

    public ConsoleUser? Find(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? null : All.FirstOrDefault(u => string.Equals(u.UserName, userName.Trim(), StringComparison.OrdinalIgnoreCase));

    private static readonly PasswordHasher<ConsoleUser> Hasher = new();

    // Development passwords hashed once each (PBKDF2 is deliberately slow).
    private readonly ConcurrentDictionary<string, string> _developmentHashes = new(StringComparer.Ordinal);

    /// <summary>The Identity v3 hash of <paramref name="password"/>, for <c>Console:Users:n:PasswordHash</c>.</summary>
    public static string HashPassword(string password) => Hasher.HashPassword(Anyone, password);

    private static readonly ConsoleUser Anyone = new("-", "-", [], null, null);

    /// <summary>The user if <paramref name="password"/> is theirs; otherwise null, whatever was wrong.</summary>
    public ConsoleUser? Verify(string? userName, string? password)
    {
        var user = Find(userName);
        var current = options.CurrentValue;
        var configured = user is null
            ? null
            : current.Users.FirstOrDefault(u => string.Equals(u.UserName.Trim(), user.UserName, StringComparison.OrdinalIgnoreCase));
        var hash = !string.IsNullOrEmpty(configured?.PasswordHash)
            ? configured.PasswordHash
            : _developmentHashes.GetOrAdd(string.IsNullOrEmpty(configured?.Password) ? current.DevPassword : configured.Password, HashPassword);

        bool matches;
        try
        {
            matches = Hasher.VerifyHashedPassword(user ?? Anyone, hash, password ?? "") != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            matches = false; // a malformed configured hash signs nobody in (the validator reports it at start-up)
        }

        return matches && user is not null && !string.IsNullOrEmpty(password) ? user : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

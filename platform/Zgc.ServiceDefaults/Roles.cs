namespace Zgc.ServiceDefaults;

/// <summary>The roles of DESIGN.md (Security); each is also an authorization policy of the same name.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string SubParkOfficer = "subpark-officer";
    public const string CommitteeOfficer = "committee-officer";
    public const string Expert = "expert";
    public const string FinancePreparer = "finance-preparer";
    public const string FinanceApprover = "finance-approver";
    public const string MonitoringOfficer = "monitoring-officer";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } =
        [Applicant, SubParkOfficer, CommitteeOfficer, Expert, FinancePreparer, FinanceApprover, MonitoringOfficer, Admin];

    /// <summary>Operations staff who run and watch workflows (S-OPS).</summary>
    public static IReadOnlyList<string> Operators { get; } = [CommitteeOfficer, MonitoringOfficer, Admin];
}

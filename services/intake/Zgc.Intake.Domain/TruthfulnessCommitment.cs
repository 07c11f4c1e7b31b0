namespace Zgc.Intake.Domain;

/// <summary>
/// The commitment of Art. 15 (R-A15-TRUTH) the applicant makes when submitting. Its version is recorded with each
/// submitted version, together with who submitted and when; changing the wording means a new version string.
/// </summary>
public static class TruthfulnessCommitment
{
    public const string Rule = "R-A15-TRUTH";
    public const string CurrentVersion = "2019-09-18.1";

    public const string TextZh =
        "本单位承诺：所提交的申请材料真实、合法、有效，并对此承担法律责任。如有弄虚作假骗取支持资金的，同意依法解除协议、追回已拨付的财政资金、取消平台资格，今后不再受理本单位公共政策支持资金的申请。";

    public const string TextEn =
        "We commit that the application materials we submit are true, lawful and valid, and accept legal responsibility for them. If we obtain support by fraud, we accept that the agreement is terminated, public funds disbursed are clawed back, the platform's status is revoked, and no future application of ours for public policy funds is accepted.";
}

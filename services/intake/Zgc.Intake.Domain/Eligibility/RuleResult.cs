namespace Zgc.Intake.Domain.Eligibility;

/// <summary>One Art. 7 rule as judged on one submitted version: pass or fail, and why, in Chinese and English.</summary>
public sealed record RuleResult(string Rule, bool Passed, string ReasonEn, string ReasonZh);

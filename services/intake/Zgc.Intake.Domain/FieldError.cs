namespace Zgc.Intake.Domain;

/// <summary>One broken rule on one input field (camelCase path such as <c>funding[2].amountFen</c>), in both languages.</summary>
public sealed record FieldError(string Field, string Rule, string MessageEn, string MessageZh);

namespace Zgc.Monitoring.Contracts;

/// <summary>
/// The annual evaluation of a construction year is decided (R-A14-EVAL). Passing makes the next year's support due;
/// <paramref name="AcceptedSelfRaisedEligibleInvestmentFen"/> is the self-raised investment in the R-A10-BASE
/// categories accepted for that year, the base of the next year's cap (R-A10-Y23). <paramref name="Grade"/> is
/// excellent, pass or fail.
/// </summary>
public sealed record AnnualEvaluationCompleted(
    Guid ApplicationId,
    int ConstructionYear,
    bool Passed,
    long AcceptedSelfRaisedEligibleInvestmentFen,
    string? Remarks,
    string EvaluatedBy,
    DateTimeOffset EvaluatedAt,
    string? Grade = null);

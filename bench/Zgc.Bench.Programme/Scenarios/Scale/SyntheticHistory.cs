using System.Globalization;
using Zgc.SharedKernel;
using Zgc.SharedKernel.Policy;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios.Scale;

/// <summary>One lifecycle instance as the workflows service stores it (the columns of <c>PlatformLifecycles</c>).</summary>
public sealed class ScaleInstance
{
    public Guid Id { get; init; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public string PolicyVersion { get; init; } = "";
    public string PlatformName { get; init; } = "";
    public string UnitUscc { get; init; } = "";
    public string UnitName { get; init; } = "";
    public string SubPark { get; init; } = "";
    public string IndustryField { get; init; } = "";
    public string? SubArea { get; init; }
    public int ApplicationVersion { get; set; } = 1;
    public long TotalInvestmentFen { get; init; }
    public long SupportBaseFen { get; init; }
    public string? IntegratedEnterpriseUsccs { get; init; }
    public int? SubParkRanking { get; set; }
    public int Returns { get; set; }
    public bool? ExpertSupported { get; set; }
    public decimal? ExpertTrimmedMean { get; set; }
    public int MeetingDeferrals { get; set; }
    public bool EspeciallyMajor { get; set; }
    public string? MajorDecisionReference { get; set; }
    public Guid? AgreementId { get; set; }
    public DateOnly? ConstructionStartsOn { get; set; }
    public int ConstructionYear { get; set; }
    public bool CurrentYearFunded { get; set; }
    public long PaidFen { get; set; }
    public int? LastEvaluatedYear { get; set; }
    public bool? LastEvaluationPassed { get; set; }
    public string? RejectedAtStage { get; set; }
    public Guid? NoticeId { get; set; }
    public DateOnly? NoticeEndsOn { get; set; }
    public string? OutcomeReason { get; set; }
    public DateTimeOffset StateEnteredAt { get; set; }
    public string? WaitingAlert { get; set; }
    public DateTimeOffset? WaitingAlertAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ScaleTransition> Transitions { get; } = [];
}

/// <summary>One history row (<c>LifecycleTransitions</c>); a step within a state has From = To and an actor and reason.</summary>
public sealed record ScaleTransition(string Event, string From, string To, DateTimeOffset At, Guid? MessageId, string? Actor, string? Reason);

/// <summary>
/// Instances as years of the programme would leave them: each walks the real state machine's path (submitted, returned and
/// resubmitted, recommended, expert panel, meeting, notice, agreement, construction years closed by evaluations) and stops
/// where the mix says — most finished (completed, rejected at a stage, exited, revoked, cancelled), the rest waiting in an
/// active state. Times run backwards from the last step, so the active ones entered their state recently (a few long ago:
/// the stalled ones) and the finished ones are spread over the years before <c>now</c>. Seeded: every run loads the same rows.
/// </summary>
public sealed class SyntheticHistory(DateTimeOffset now, int seed = 13)
{
    /// <summary>Where instances are at the end (weights out of 100).</summary>
    private static readonly (string State, int Weight)[] Mix =
    [
        ("SubParkReview", 5), ("ReturnedForCorrection", 2), ("ExpertReview", 4), ("AwaitingMeeting", 3), ("AwaitingNotice", 1),
        ("InNotice", 1), ("Included", 1), ("UnderConstruction", 22), ("Completed", 28), ("Rejected", 20), ("NoticeFailed", 2),
        ("Exited", 4), ("Revoked", 2), ("Cancelled", 5),
    ];

    private static readonly DateTimeOffset ProgrammeOpened = new(2019, 10, 8, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Random _random = new(seed);
    private readonly int _totalWeight = Mix.Sum(m => m.Weight);

    public static IReadOnlyList<string> States { get; } = [.. Mix.Select(m => m.State)];

    public ScaleInstance Next(int n)
    {
        var field = IndustryField.All[_random.Next(IndustryField.All.Count)];
        var subPark = Zgc.SharedKernel.SubPark.All[Skewed(Zgc.SharedKernel.SubPark.All.Count)];
        var total = (long)_random.Next(20_000, 500_000) * 1_000_00; // 20–500 million yuan, in fen
        var instance = new ScaleInstance
        {
            Id = Guid.CreateVersion7(),
            PolicyVersion = ProgrammePolicy.TrialMeasures2019.Version,
            PlatformName = string.Create(CultureInfo.InvariantCulture, $"中关村{field.ZhName}协同创新平台 {n:D6}"),
            UnitUscc = IntakePayloads.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"9111010{_random.Next(1, 10)}MA{n % 10_000_000:D7}")),
            UnitName = string.Create(CultureInfo.InvariantCulture, $"北京{subPark.ZhName}创新科技有限公司{n}"),
            SubPark = subPark.Code,
            IndustryField = field.Code,
            SubArea = field.SubAreas.Count > 0 ? field.SubAreas[_random.Next(field.SubAreas.Count)].Code : null,
            TotalInvestmentFen = total,
            SupportBaseFen = total / 100 * _random.Next(40, 80),
            IntegratedEnterpriseUsccs = string.Join(';', Enumerable.Range(0, _random.Next(10, 31)).Select(i => IntakePayloads.EnterpriseUscc((n * 7 + i) % 100_000))),
        };

        var target = PickTarget();
        var steps = Walk(instance, target);
        Place(instance, steps);
        return instance;
    }

    private string PickTarget()
    {
        var roll = _random.Next(_totalWeight);
        foreach (var (state, weight) in Mix)
        {
            if ((roll -= weight) < 0)
            {
                return state;
            }
        }

        return Mix[^1].State;
    }

    /// <summary>Some sub-parks (Haidian, Chaoyang…) apply far more than others: the filter by sub-park sees uneven sizes.</summary>
    private int Skewed(int count) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), 1.6)));

    private sealed record Step(string Event, string From, string To, double DaysBefore, string? Actor = null, string? Reason = null);

    /// <summary>The path to <paramref name="target"/>, each step with the days it took; fills the columns each stage sets.</summary>
    private List<Step> Walk(ScaleInstance i, string target)
    {
        var steps = new List<Step> { new("Submitted", "Initial", "SubParkReview", 0) };
        var returns = target == "ReturnedForCorrection" ? 1 + (_random.Next(4) == 0 ? 1 : 0) : _random.Next(100) switch { < 75 => 0, < 95 => 1, _ => 2 };
        for (var r = 0; r < returns; r++)
        {
            steps.Add(new("Returned", "SubParkReview", "ReturnedForCorrection", Days(7, 30)));
            i.Returns++;
            if (target == "ReturnedForCorrection" && r == returns - 1)
            {
                i.OutcomeReason = "Returned for correction: 联合体成员材料不全";
                return steps;
            }

            steps.Add(new("Submitted", "ReturnedForCorrection", "SubParkReview", Days(5, 30)));
            i.ApplicationVersion++;
        }

        var rejectStage = target == "Rejected" ? _random.Next(100) switch { < 50 => "SubParkReview", < 85 => "ExpertReview", _ => "AwaitingMeeting" } : null;
        var revokeAt = target == "Revoked" ? new[] { "SubParkReview", "ExpertReview", "AwaitingMeeting", "UnderConstruction" }[_random.Next(4)] : null;
        var cancelAt = target == "Cancelled" ? new[] { "SubParkReview", "ExpertReview", "AwaitingMeeting", "InNotice", "UnderConstruction" }[_random.Next(5)] : null;
        var state = "SubParkReview";
        while (true)
        {
            // Under construction, the years still have to be walked (even when that is where the instance stays).
            if (state == target && state != "UnderConstruction")
            {
                return steps;
            }

            if (state == rejectStage)
            {
                var (evt, reason) = state switch
                {
                    "SubParkReview" => ("SubParkRejected", "Rejected by the sub-park: 不符合申报条件"),
                    "ExpertReview" => ("ExpertsDone", "Not supported by the expert panel (trimmed mean 62.4, 2 of 7 in support)"),
                    _ => ("MeetingRejected", "Rejected by the director office meeting: 建设方案不成熟"),
                };
                if (state == "ExpertReview")
                {
                    i.ExpertSupported = false;
                    i.ExpertTrimmedMean = 55 + _random.Next(0, 1500) / 100m;
                }

                steps.Add(new(evt, state, "Rejected", Days(15, 60)));
                i.RejectedAtStage = state;
                i.OutcomeReason = reason;
                return steps;
            }

            if (state == revokeAt)
            {
                steps.Add(new("Fraud", state, "Revoked", Days(10, 200)));
                i.OutcomeReason = "Revoked for fraud (京科发〔2025〕17号): 虚报投资";
                return steps;
            }

            if (state == cancelAt)
            {
                steps.Add(new("AdminCancel", state, "Cancelled", Days(1, 60), "admin-ops", "申报单位书面撤回申请"));
                i.OutcomeReason = "Cancelled by an administrator: 申报单位书面撤回申请";
                return steps;
            }

            switch (state)
            {
                case "SubParkReview":
                    steps.Add(new("Recommended", state, state = "ExpertReview", Days(10, 40)));
                    i.SubParkRanking = 1 + _random.Next(12);
                    break;
                case "ExpertReview":
                    steps.Add(new("ExpertsDone", state, state = "AwaitingMeeting", Days(20, 60)));
                    i.ExpertSupported = true;
                    i.ExpertTrimmedMean = 70 + _random.Next(0, 2500) / 100m;
                    break;
                case "AwaitingMeeting":
                    i.MeetingDeferrals = _random.Next(10) == 0 ? 1 : 0;
                    steps.Add(new("MeetingApproved", state, state = "AwaitingNotice", Days(10, 60) + 30 * i.MeetingDeferrals));
                    if (_random.Next(20) == 0)
                    {
                        i.EspeciallyMajor = true;
                        i.MajorDecisionReference = string.Create(CultureInfo.InvariantCulture, $"京政函〔2024〕{_random.Next(1, 300)}号");
                    }

                    break;
                case "AwaitingNotice":
                    steps.Add(new("NoticeOpened", state, state = "InNotice", Days(2, 8)));
                    i.NoticeId = Guid.CreateVersion7();
                    break;
                case "InNotice":
                    var failed = target == "NoticeFailed";
                    steps.Add(new(failed ? "NoticeClosedFailed" : "NoticeClosedPassed", state, state = failed ? "NoticeFailed" : "Included", Days(7, 12)));
                    if (failed)
                    {
                        i.OutcomeReason = "Notice Failed: 公示期间收到实名异议且经核实";
                        return steps;
                    }

                    break;
                case "Included":
                    steps.Add(new("AgreementDone", state, state = "UnderConstruction", Days(15, 45)));
                    i.AgreementId = Guid.CreateVersion7();
                    i.ConstructionYear = 1;
                    i.CurrentYearFunded = true;
                    break;
                case "UnderConstruction":
                    Construct(i, target, steps);
                    return steps;
                default:
                    throw new InvalidOperationException($"No path from {state} to {target}.");
            }
        }
    }

    /// <summary>Construction years: each closed by its evaluation (a step within the state), the third completes the platform.</summary>
    private void Construct(ScaleInstance i, string target, List<Step> steps)
    {
        var years = target switch
        {
            "Completed" => 3,
            "UnderConstruction" => _random.Next(3), // evaluations done so far; the year under way is the next
            _ => _random.Next(3),
        };
        var yearly = Math.Min(i.SupportBaseFen * 30 / 100, 5_000_000_00);
        i.PaidFen = yearly;
        for (var year = 1; year <= years; year++)
        {
            var passed = _random.Next(10) != 0;
            i.LastEvaluatedYear = year;
            i.LastEvaluationPassed = passed;
            if (year == 3)
            {
                steps.Add(new("Evaluated", "UnderConstruction", "Completed", Days(380, 420)));
                i.OutcomeReason = passed ? null : "Final evaluation failed";
                return;
            }

            i.ConstructionYear = year + 1;
            i.CurrentYearFunded = passed;
            var reason = passed
                ? string.Create(CultureInfo.InvariantCulture, $"Year {year} evaluation passed: construction year {year + 1}, funded")
                : string.Create(CultureInfo.InvariantCulture, $"Year {year} evaluation failed: no support for year {year + 1}");
            steps.Add(new("Evaluated", "UnderConstruction", "UnderConstruction", Days(380, 420), "monitoring-officer", reason));
            i.OutcomeReason = passed ? null : reason;
            i.PaidFen += passed ? yearly : 0;
        }

        if (target == "Exited")
        {
            steps.Add(new("ExitOrdered", "UnderConstruction", "Exited", Days(30, 300)));
            i.OutcomeReason = "Exited (京科发〔2025〕8号): 主动申请退出建设";
        }
    }

    /// <summary>Times, backwards from the last step: active instances moved recently (some stalled), finished ones any time.</summary>
    private void Place(ScaleInstance i, List<Step> steps)
    {
        var finished = IsFinal(steps[^1].To);
        var span = TimeSpan.FromDays(steps.Sum(s => s.DaysBefore));
        DateTimeOffset last;
        if (finished)
        {
            var earliest = ProgrammeOpened + span;
            last = earliest >= now ? now.AddDays(-1) : earliest + (now - earliest) * _random.NextDouble();
        }
        else
        {
            // Mostly days or weeks in the state; one in ten well past the stalled threshold.
            var waitingDays = _random.Next(10) == 0 ? Days(45, 240) : Days(0.1, 30);
            last = now - TimeSpan.FromDays(waitingDays);
        }

        var at = last;
        var times = new DateTimeOffset[steps.Count];
        for (var s = steps.Count - 1; s >= 0; s--)
        {
            times[s] = at;
            at -= TimeSpan.FromDays(steps[s].DaysBefore);
        }

        for (var s = 0; s < steps.Count; s++)
        {
            var step = steps[s];
            i.Transitions.Add(new ScaleTransition(step.Event, step.From, step.To, times[s], step.Event == "AdminCancel" ? null : Guid.CreateVersion7(), step.Actor, step.Reason));
        }

        var lastChange = steps.FindLastIndex(st => st.From != st.To);
        i.CurrentState = steps[^1].To;
        i.Version = steps.Count;
        i.CreatedAt = times[0];
        i.UpdatedAt = times[^1];
        i.StateEnteredAt = times[lastChange];
        if (i.NoticeId is not null)
        {
            var opened = times[steps.FindIndex(st => st.Event == "NoticeOpened")];
            i.NoticeEndsOn = BeijingTime.DateOf(opened).AddDays(9);
        }

        if (i.AgreementId is not null)
        {
            var signed = times[steps.FindIndex(st => st.Event == "AgreementDone")];
            i.ConstructionStartsOn = BeijingTime.DateOf(signed).AddDays(1);
        }

        if (i.CurrentState == "ExpertReview" && now - i.StateEnteredAt > TimeSpan.FromDays(30))
        {
            i.WaitingAlert = "ExpertReviewOverdue";
            i.WaitingAlertAt = i.StateEnteredAt.AddDays(30);
        }
    }

    private double Days(double min, double max) => min + (max - min) * _random.NextDouble();

    private static bool IsFinal(string state) => state is "Rejected" or "NoticeFailed" or "Completed" or "Exited" or "Revoked" or "Cancelled";
}

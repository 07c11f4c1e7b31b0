using MassTransit;
using Microsoft.Extensions.Options;
using Zgc.Funding.Contracts;
using Zgc.Intake.Contracts;
using Zgc.Monitoring.Contracts;
using Zgc.Notice.Contracts;
using Zgc.Review.Contracts;
using Zgc.SharedKernel;
using Zgc.SharedKernel.Policy;
using Zgc.Workflows.Contracts;

namespace Zgc.Workflows.Lifecycle;

/// <summary>
/// The programme's order and waiting, in one place (DESIGN.md, Orchestration). Services own the rules; each
/// transition here is driven by the owning service's event and commands the next service.
/// Path: submitted → sub-park review (⇄ returned for correction) → expert review → awaiting the meeting (deferrals stay
/// there) → awaiting notice → in notice → included (agreement pending) → under construction, years 1–3, each closed by
/// its evaluation → completed. Terminal: rejected (with the stage), notice failed, revoked (fraud, from any active state).
/// </summary>
public sealed class PlatformLifecycleStateMachine : MassTransitStateMachine<PlatformLifecycle>
{
    /// <param name="options">Waiting limits.</param>
    /// <param name="clock">The service's clock (simulated or fake in tests).</param>
    /// <param name="policies">
    /// Each instance records the policy version in force on the (Beijing) day of its first submission; its construction
    /// years and reporting due dates come from that version for the rest of its life (R-A10-Y23, R-A14-ANNUAL).
    /// </param>
    public PlatformLifecycleStateMachine(IOptions<WorkflowsOptions> options, TimeProvider clock, PolicyCatalog policies)
    {
        InstanceState(x => x.CurrentState);

        // Waiting limits are durable timers (due-dated outbox rows): they survive restarts and fire once.
        Schedule(() => ExpertReviewLimit, x => x.WaitingLimitToken, s =>
        {
            s.Delay = options.Value.ExpertReviewLimit;
            s.Received = e => e.CorrelateById(m => m.Message.ApplicationId);
        });

        Event(() => Submitted, e => e.CorrelateById(m => m.Message.ApplicationId));
        // The sub-park may act moments after the submission, in another transaction (another outbox lane), so its event can
        // reach an instance that ApplicationSubmitted has not created yet. Faulting lets the retry policy deliver it again
        // once the instance exists, instead of MassTransit discarding it and leaving the instance in SubParkReview.
        Event(() => Recommended, e =>
        {
            e.CorrelateById(m => m.Message.ApplicationId);
            e.OnMissingInstance(m => m.Fault());
        });
        Event(() => Returned, e =>
        {
            e.CorrelateById(m => m.Message.ApplicationId);
            e.OnMissingInstance(m => m.Fault());
        });
        Event(() => SubParkRejected, e =>
        {
            e.CorrelateById(m => m.Message.ApplicationId);
            e.OnMissingInstance(m => m.Fault());
        });
        Event(() => ExpertsDone, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => MeetingDeferred, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => AgreementDone, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => Paid, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => Evaluated, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => Fraud, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => ExitOrdered, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => MeetingApproved, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => MeetingRejected, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => NoticeOpened, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => NoticeProlonged, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => NoticeClosedPassed, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => NoticeClosedFailed, e => e.CorrelateById(m => m.Message.ApplicationId));

        Initially(
            When(Submitted)
                .Then(c =>
                {
                    c.Saga.PolicyVersion = policies.InForceOn(BeijingTime.DateOf(c.Message.SubmittedAt)).Version;
                    Record(c.Saga, c.Message);
                })
                .TransitionTo(SubParkReview));

        During(SubParkReview,
            // A corrected version submitted while the sub-park still reviews (e.g. after an ineligible screening).
            When(Submitted)
                .Then(c => Record(c.Saga, c.Message)),
            When(Recommended)
                .Then(c =>
                {
                    var m = c.Message;
                    c.Saga.SubParkRanking = m.Ranking;
                    c.Saga.SubArea = m.SubArea ?? c.Saga.SubArea;
                    c.Saga.TotalInvestmentFen = m.TotalInvestmentFen > 0 ? m.TotalInvestmentFen : c.Saga.TotalInvestmentFen;
                    c.Saga.SupportBaseFen = m.SupportBaseFen > 0 ? m.SupportBaseFen : c.Saga.SupportBaseFen;
                    if (m.IntegratedEnterpriseUsccs is { Count: > 0 } integrated)
                    {
                        c.Saga.IntegratedEnterpriseUsccs = string.Join(';', integrated);
                    }
                })
                // Commands are published: each has exactly one consuming service, and publish spares a routing table.
                .Publish(c => new OpenReviewCase(c.Saga.CorrelationId, c.Saga.UnitUscc, c.Saga.UnitName, c.Saga.PlatformName,
                    c.Saga.IndustryField, c.Saga.SubPark, c.Saga.SubArea, IntegratedOf(c.Saga), c.Saga.SubParkRanking,
                    c.Saga.TotalInvestmentFen, c.Saga.SupportBaseFen))
                .Schedule(ExpertReviewLimit, c => new ExpertReviewOverdue(c.Saga.CorrelationId))
                .TransitionTo(ExpertReview),
            When(Returned)
                .Then(c =>
                {
                    c.Saga.Returns++;
                    c.Saga.OutcomeReason = "Returned for correction: " + c.Message.Reasons;
                })
                .TransitionTo(ReturnedForCorrection),
            When(SubParkRejected)
                .Then(c => Reject(c.Saga, nameof(SubParkReview), "Rejected by the sub-park: " + c.Message.Reasons))
                .TransitionTo(Rejected));

        During(ReturnedForCorrection,
            When(Submitted)
                .Then(c =>
                {
                    Record(c.Saga, c.Message);
                    c.Saga.OutcomeReason = null;
                })
                .TransitionTo(SubParkReview));

        During(ExpertReview,
            When(ExpertReviewLimit.Received)
                .Then(c =>
                {
                    c.Saga.WaitingAlert = "ExpertReviewOverdue";
                    c.Saga.WaitingAlertAt = clock.GetUtcNow();
                    LifecycleMetrics.WaitingAlerts.Add(1, new KeyValuePair<string, object?>("state", nameof(ExpertReview)));
                })
                .Publish(c => new LifecycleWaitingTooLong(c.Saga.CorrelationId, nameof(ExpertReview), c.Saga.StateEnteredAt, c.Saga.WaitingAlertAt.GetValueOrDefault())),
            When(ExpertsDone, c => c.Message.Supported)
                .Unschedule(ExpertReviewLimit)
                .Then(c =>
                {
                    c.Saga.ExpertSupported = true;
                    c.Saga.ExpertTrimmedMean = c.Message.TrimmedMeanScore;
                })
                .TransitionTo(AwaitingMeeting),
            // 专家论证意见为不支持: review does not put the case to the meeting, so the lifecycle ends here (R-A13-EXPERT).
            When(ExpertsDone, c => !c.Message.Supported)
                .Unschedule(ExpertReviewLimit)
                .Then(c =>
                {
                    c.Saga.ExpertSupported = false;
                    c.Saga.ExpertTrimmedMean = c.Message.TrimmedMeanScore;
                    Reject(c.Saga, nameof(ExpertReview), string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"Not supported by the expert panel (trimmed mean {c.Message.TrimmedMeanScore:0.##}, {c.Message.SupportVotes} of {c.Message.ScoresReceived} in support)"));
                })
                .TransitionTo(Rejected));

        // R-A13-MEETING: the director office meeting decides; normally after the panel, but a decision recorded while
        // the panel is still open (the committee closed it) is honoured too.
        During(ExpertReview, AwaitingMeeting,
            When(MeetingApproved)
                .Unschedule(ExpertReviewLimit)
                .Then(c =>
                {
                    c.Saga.EspeciallyMajor = c.Message.EspeciallyMajor;
                    c.Saga.MajorDecisionReference = c.Message.MunicipalDecisionReference;
                })
                .Publish(c => new PublishNotice(c.Saga.CorrelationId, c.Saga.PlatformName, c.Saga.UnitName, c.Saga.IndustryField, c.Saga.SubPark,
                    WorkingDays: policies.Get(c.Saga.PolicyVersion).NoticeWorkingDays))
                .TransitionTo(AwaitingNotice),
            When(MeetingRejected)
                .Unschedule(ExpertReviewLimit)
                .Then(c => Reject(c.Saga, c.Saga.CurrentState, "Rejected by the director office meeting: " + c.Message.Reason))
                .TransitionTo(Rejected));

        // The panel's opinion and the meeting's decision leave review in separate transactions (separate outbox rows,
        // consumed concurrently), so the decision can overtake the opinion. The opinion that arrives after the meeting
        // moved the instance on is still recorded, and is not a fault: the meeting decided, the order of arrival is chance.
        During(AwaitingNotice, InNotice, Included, UnderConstruction,
            When(ExpertsDone)
                .Then(c =>
                {
                    c.Saga.ExpertSupported ??= c.Message.Supported;
                    c.Saga.ExpertTrimmedMean ??= c.Message.TrimmedMeanScore;
                }));

        During(AwaitingMeeting,
            When(MeetingDeferred)
                .Then(c =>
                {
                    c.Saga.MeetingDeferrals++;
                    c.Saga.OutcomeReason = "Deferred to a later meeting: " + c.Message.Reason;
                }));

        During(AwaitingNotice,
            When(NoticeOpened)
                .Then(c =>
                {
                    c.Saga.NoticeId = c.Message.NoticeId;
                    c.Saga.NoticeEndsOn = c.Message.EndsOn;
                })
                .TransitionTo(InNotice));

        // R-A13-NOTICE: the notice service closes the notice by its own timer and reports the result.
        During(InNotice,
            When(NoticeProlonged)
                .Then(c => c.Saga.NoticeEndsOn = c.Message.EndsOn),
            When(NoticeClosedPassed)
                // R-A13-AGREEMENT: the included platform signs a three-year construction agreement with funding.
                .Publish(c => new PrepareAgreement(c.Saga.CorrelationId, c.Saga.PlatformName, c.Saga.UnitUscc, c.Saga.UnitName,
                    c.Saga.IndustryField, c.Saga.SubPark, c.Saga.EspeciallyMajor, c.Saga.MajorDecisionReference, c.Saga.TotalInvestmentFen, c.Saga.SupportBaseFen,
                    clock.GetUtcNow(), c.Saga.PolicyVersion))
                .TransitionTo(Included),
            When(NoticeClosedFailed)
                .Then(c => c.Saga.OutcomeReason = $"Notice {c.Message.Outcome}: {c.Message.Reason}")
                .TransitionTo(NoticeFailed));

        During(Included,
            When(AgreementDone)
                .Then(c =>
                {
                    c.Saga.AgreementId = c.Message.AgreementId;
                    c.Saga.ConstructionStartsOn = c.Message.ConstructionStartsOn;
                    c.Saga.ConstructionYear = 1;
                    c.Saga.CurrentYearFunded = true;
                    c.Saga.OutcomeReason = null;
                })
                .Publish(c => OpenReport(c.Saga, policies.Get(c.Saga.PolicyVersion)))
                .TransitionTo(UnderConstruction));

        During(UnderConstruction,
            When(Paid)
                .Then(c => c.Saga.PaidFen += c.Message.AmountFen),
            // R-A14-EVAL / R-A10-Y23: a passed evaluation makes the next year's support due; a failed one means no
            // support next year (monitoring leads the rectification). The third year's evaluation completes the platform.
            When(Evaluated, c => c.Message.ConstructionYear == c.Saga.ConstructionYear && c.Message.ConstructionYear < policies.Get(c.Saga.PolicyVersion).ConstructionYears)
                .Then(c =>
                {
                    c.Saga.LastEvaluatedYear = c.Message.ConstructionYear;
                    c.Saga.LastEvaluationPassed = c.Message.Passed;
                    c.Saga.ConstructionYear++;
                    c.Saga.CurrentYearFunded = c.Message.Passed;
                    c.Saga.OutcomeReason = c.Message.Passed
                        ? null
                        : $"Year {c.Message.ConstructionYear} evaluation failed: no support for year {c.Saga.ConstructionYear}";
                    TransitionHistoryObserver.RecordStep(c, c.Message.EvaluatedBy, c.Message.Passed
                        ? $"Year {c.Message.ConstructionYear} evaluation passed: construction year {c.Saga.ConstructionYear}, funded"
                        : c.Saga.OutcomeReason!);
                })
                .Publish(c => OpenReport(c.Saga, policies.Get(c.Saga.PolicyVersion))),
            When(Evaluated, c => c.Message.ConstructionYear == c.Saga.ConstructionYear && c.Message.ConstructionYear >= policies.Get(c.Saga.PolicyVersion).ConstructionYears)
                .Then(c =>
                {
                    c.Saga.LastEvaluatedYear = c.Message.ConstructionYear;
                    c.Saga.LastEvaluationPassed = c.Message.Passed;
                    c.Saga.OutcomeReason = c.Message.Passed ? null : "Final evaluation failed";
                })
                .TransitionTo(Completed),
            // A repeated or stale evaluation (another year) changes nothing.
            Ignore(Evaluated, c => c.Message.ConstructionYear != c.Saga.ConstructionYear),
            When(ExitOrdered)
                .Then(c => c.Saga.OutcomeReason = $"Exited ({c.Message.DecisionReference}): {c.Message.Reason}")
                .TransitionTo(Exited));

        // R-A15-FRAUD: fraud revokes the platform from any active state.
        DuringAny(
            When(Fraud, c => !IsFinal(c.Saga.CurrentState))
                .Unschedule(ExpertReviewLimit)
                .Then(c => c.Saga.OutcomeReason = $"Revoked for fraud ({c.Message.DecisionReference}): {c.Message.Reason}")
                .TransitionTo(Revoked));

        // A message that reaches an instance after it ended (a late evaluation, a repeated decision) changes nothing; in
        // an active state an unexpected message still faults, so operators see it.
        OnUnhandledEvent(c => IsFinal(c.Saga.CurrentState) ? c.Ignore() : c.Throw());

        ConnectStateObserver(new TransitionHistoryObserver());
    }

    private static readonly string[] FinalStates = ["Rejected", "NoticeFailed", "Completed", "Exited", "Revoked", "Cancelled", "Final"];

    /// <summary>R-A14-ANNUAL: the reporting window of the current construction year, due a configured time after it ends.</summary>
    private static OpenAnnualReport OpenReport(PlatformLifecycle saga, ProgrammePolicy policy)
    {
        var start = (saga.ConstructionStartsOn ?? DateOnly.FromDateTime(saga.CreatedAt.UtcDateTime)).AddYears(saga.ConstructionYear - 1);
        var end = start.AddYears(1).AddDays(-1);
        return new OpenAnnualReport(saga.CorrelationId, saga.AgreementId, saga.PlatformName, saga.UnitUscc, saga.UnitName, saga.IndustryField,
            saga.SubPark, saga.ConstructionYear, start, end, end.AddDays(policy.AnnualReportDueDays));
    }

    /// <summary>True for the states an instance never leaves by a message.</summary>
    public static bool IsFinal(string state) => FinalStates.Contains(state);

    private static void Record(PlatformLifecycle saga, ApplicationSubmitted m)
    {
        saga.PlatformName = m.PlatformName;
        saga.UnitUscc = m.UnitUscc;
        saga.UnitName = m.UnitName;
        saga.SubPark = m.SubPark;
        saga.IndustryField = m.IndustryField;
        saga.SubArea = m.SubArea;
        saga.ApplicationVersion = m.Version;
        saga.TotalInvestmentFen = m.TotalInvestmentFen;
        saga.SupportBaseFen = m.SupportBaseFen;
        saga.IntegratedEnterpriseUsccs = m.IntegratedEnterpriseUsccs is { Count: > 0 } integrated ? string.Join(';', integrated) : null;
    }

    private static IReadOnlyList<string>? IntegratedOf(PlatformLifecycle saga) =>
        saga.IntegratedEnterpriseUsccs?.Split(';', StringSplitOptions.RemoveEmptyEntries);

    private static void Reject(PlatformLifecycle saga, string stage, string reason)
    {
        saga.RejectedAtStage = stage;
        saga.OutcomeReason = reason;
    }

    public Schedule<PlatformLifecycle, ExpertReviewOverdue> ExpertReviewLimit { get; private set; } = null!;

    public State SubParkReview { get; private set; } = null!;

    public State ExpertReview { get; private set; } = null!;

    public State AwaitingNotice { get; private set; } = null!;

    public State InNotice { get; private set; } = null!;

    public State ReturnedForCorrection { get; private set; } = null!;

    public State AwaitingMeeting { get; private set; } = null!;

    /// <summary>Under the construction agreement; <see cref="PlatformLifecycle.ConstructionYear"/> says which year.</summary>
    public State UnderConstruction { get; private set; } = null!;

    /// <summary>The third year's evaluation is in: the funded construction period is over.</summary>
    public State Completed { get; private set; } = null!;

    /// <summary>The committee ordered the platform out of the programme (dynamic management).</summary>
    public State Exited { get; private set; } = null!;

    /// <summary>Fraud confirmed (R-A15-FRAUD): agreement terminated, funds clawed back, unit debarred.</summary>
    public State Revoked { get; private set; } = null!;

    public State Rejected { get; private set; } = null!;

    /// <summary>Cancelled by an administrator, with a reason (never by a message).</summary>
    public State Cancelled { get; private set; } = null!;

    /// <summary>The notice passed: the platform is in the programme's platform system; its agreement is being prepared.</summary>
    public State Included { get; private set; } = null!;

    /// <summary>The notice failed (an objection upheld) or was withdrawn.</summary>
    public State NoticeFailed { get; private set; } = null!;

    public Event<ApplicationSubmitted> Submitted { get; private set; } = null!;

    public Event<ApplicationRecommended> Recommended { get; private set; } = null!;

    public Event<ApplicationReturned> Returned { get; private set; } = null!;

    public Event<ApplicationRejected> SubParkRejected { get; private set; } = null!;

    public Event<ExpertReviewCompleted> ExpertsDone { get; private set; } = null!;

    public Event<PlatformDeferred> MeetingDeferred { get; private set; } = null!;

    public Event<AgreementSigned> AgreementDone { get; private set; } = null!;

    public Event<DisbursementPaid> Paid { get; private set; } = null!;

    public Event<AnnualEvaluationCompleted> Evaluated { get; private set; } = null!;

    public Event<FraudConfirmed> Fraud { get; private set; } = null!;

    public Event<PlatformExited> ExitOrdered { get; private set; } = null!;

    public Event<PlatformApproved> MeetingApproved { get; private set; } = null!;

    public Event<PlatformRejected> MeetingRejected { get; private set; } = null!;

    public Event<NoticePublished> NoticeOpened { get; private set; } = null!;

    public Event<NoticeExtended> NoticeProlonged { get; private set; } = null!;

    public Event<NoticePassed> NoticeClosedPassed { get; private set; } = null!;

    public Event<Zgc.Notice.Contracts.NoticeFailed> NoticeClosedFailed { get; private set; } = null!;
}

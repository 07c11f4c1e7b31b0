using MassTransit;
using Microsoft.Extensions.Options;
using Zgc.Intake.Contracts;
using Zgc.Notice.Contracts;
using Zgc.Review.Contracts;
using Zgc.Workflows.Contracts;

namespace Zgc.Workflows.Lifecycle;

/// <summary>
/// The programme's order and waiting, in one place (DESIGN.md, Orchestration). Services own the rules; each
/// transition here is driven by the owning service's event and commands the next service.
/// This is the walking skeleton: submission → sub-park review → expert review → approved → notice → included (or notice failed).
/// </summary>
public sealed class PlatformLifecycleStateMachine : MassTransitStateMachine<PlatformLifecycle>
{
    /// <summary>Recorded on every new instance; raise it when the lifecycle's rules change.</summary>
    public const string PolicyVersion = "2019-measures/v1";

    public PlatformLifecycleStateMachine(IOptions<WorkflowsOptions> options, TimeProvider clock)
    {
        InstanceState(x => x.CurrentState);

        // Waiting limits are durable timers (due-dated outbox rows): they survive restarts and fire once.
        Schedule(() => ExpertReviewLimit, x => x.WaitingLimitToken, s =>
        {
            s.Delay = options.Value.ExpertReviewLimit;
            s.Received = e => e.CorrelateById(m => m.Message.ApplicationId);
        });

        Event(() => Submitted, e => e.CorrelateById(m => m.Message.ApplicationId));
        Event(() => Recommended, e => e.CorrelateById(m => m.Message.ApplicationId));
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
                    var m = c.Message;
                    c.Saga.PolicyVersion = PolicyVersion;
                    c.Saga.PlatformName = m.PlatformName;
                    c.Saga.UnitUscc = m.UnitUscc;
                    c.Saga.UnitName = m.UnitName;
                    c.Saga.SubPark = m.SubPark;
                    c.Saga.IndustryField = m.IndustryField;
                })
                .TransitionTo(SubParkReview));

        During(SubParkReview,
            When(Recommended)
                // Commands are published: each has exactly one consuming service, and publish spares a routing table.
                .Publish(c => new OpenReviewCase(c.Saga.CorrelationId, c.Saga.UnitUscc, c.Saga.UnitName, c.Saga.PlatformName,
                    c.Saga.IndustryField, c.Saga.SubPark))
                .Schedule(ExpertReviewLimit, c => new ExpertReviewOverdue(c.Saga.CorrelationId))
                .TransitionTo(ExpertReview));

        During(ExpertReview,
            When(ExpertReviewLimit.Received)
                .Then(c =>
                {
                    c.Saga.WaitingAlert = "ExpertReviewOverdue";
                    c.Saga.WaitingAlertAt = clock.GetUtcNow();
                    LifecycleMetrics.WaitingAlerts.Add(1, new KeyValuePair<string, object?>("state", nameof(ExpertReview)));
                })
                .Publish(c => new LifecycleWaitingTooLong(c.Saga.CorrelationId, nameof(ExpertReview), c.Saga.StateEnteredAt, c.Saga.WaitingAlertAt.GetValueOrDefault())),
            When(MeetingApproved)
                .Unschedule(ExpertReviewLimit)
                .Then(c => c.Saga.EspeciallyMajor = c.Message.EspeciallyMajor)
                .Publish(c => new PublishNotice(c.Saga.CorrelationId, c.Saga.PlatformName, c.Saga.UnitName, c.Saga.IndustryField, c.Saga.SubPark))
                .TransitionTo(AwaitingNotice),
            When(MeetingRejected)
                .Unschedule(ExpertReviewLimit)
                .Then(c => c.Saga.OutcomeReason = "Rejected by the director office meeting: " + c.Message.Reason)
                .TransitionTo(Rejected));

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
                .TransitionTo(Included),
            When(NoticeClosedFailed)
                .Then(c => c.Saga.OutcomeReason = $"Notice {c.Message.Outcome}: {c.Message.Reason}")
                .TransitionTo(NoticeFailed));

        ConnectStateObserver(new TransitionHistoryObserver());
    }

    public Schedule<PlatformLifecycle, ExpertReviewOverdue> ExpertReviewLimit { get; private set; } = null!;

    public State SubParkReview { get; private set; } = null!;

    public State ExpertReview { get; private set; } = null!;

    public State AwaitingNotice { get; private set; } = null!;

    public State InNotice { get; private set; } = null!;

    public State Rejected { get; private set; } = null!;

    /// <summary>The notice passed: the platform is in the programme's platform system.</summary>
    public State Included { get; private set; } = null!;

    /// <summary>The notice failed (an objection upheld) or was withdrawn.</summary>
    public State NoticeFailed { get; private set; } = null!;

    public Event<ApplicationSubmitted> Submitted { get; private set; } = null!;

    public Event<ApplicationRecommended> Recommended { get; private set; } = null!;

    public Event<PlatformApproved> MeetingApproved { get; private set; } = null!;

    public Event<PlatformRejected> MeetingRejected { get; private set; } = null!;

    public Event<NoticePublished> NoticeOpened { get; private set; } = null!;

    public Event<NoticeExtended> NoticeProlonged { get; private set; } = null!;

    public Event<NoticePassed> NoticeClosedPassed { get; private set; } = null!;

    public Event<Zgc.Notice.Contracts.NoticeFailed> NoticeClosedFailed { get; private set; } = null!;
}

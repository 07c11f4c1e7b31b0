using Zgc.SharedKernel;

namespace Zgc.Review.Domain;

public enum MemberStatus
{
    /// <summary>On the panel; has not yet signed the no-conflict declaration and sees no material.</summary>
    Assigned,

    /// <summary>Signed the declaration; may read the material and score.</summary>
    Declared,

    /// <summary>Score submitted: final unless the committee reopens it.</summary>
    Submitted,

    /// <summary>Declined the assignment (a conflict, or unable to serve); replaced when an eligible expert remains.</summary>
    Declined,

    /// <summary>Taken off the panel by a committee officer, with a reason.</summary>
    Replaced,
}

/// <summary>One expert's seat on a panel: declaration, score and the figures the result gives them.</summary>
public sealed class PanelMember
{
    private PanelMember()
    {
    }

    public Guid Id { get; private set; }

    public Guid PanelId { get; private set; }

    public string ExpertUserId { get; private set; } = "";

    public MemberStatus Status { get; private set; }

    /// <summary><c>draw</c>, <c>replacement-draw</c> or <c>manual</c>.</summary>
    public string JoinedBy { get; private set; } = "";

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? DeclaredAt { get; private set; }

    public string? DeclineReason { get; private set; }

    /// <summary>The expert declined because of a conflict of interest with the applicant.</summary>
    public bool ConflictDeclared { get; private set; }

    public decimal? Significance { get; private set; }

    public decimal? Foundation { get; private set; }

    public decimal? Team { get; private set; }

    public decimal? Innovation { get; private set; }

    public decimal? Integration { get; private set; }

    public decimal? Content { get; private set; }

    public decimal? Targets { get; private set; }

    public decimal? Funding { get; private set; }

    public string? Comment { get; private set; }

    public bool? Support { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The weighted total, set when the panel closes.</summary>
    public decimal? Total { get; private set; }

    public decimal? Deviation { get; private set; }

    public bool Outlier { get; private set; }

    /// <summary>Sits on the panel now (not declined nor replaced).</summary>
    public bool Seated => Status is MemberStatus.Assigned or MemberStatus.Declared or MemberStatus.Submitted;

    internal static PanelMember Seat(Guid panelId, string expertUserId, string joinedBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        PanelId = panelId,
        ExpertUserId = expertUserId,
        Status = MemberStatus.Assigned,
        JoinedBy = joinedBy,
        JoinedAt = now,
    };

    public IReadOnlyDictionary<Criterion, decimal>? Scores() => Significance is null ? null : new Dictionary<Criterion, decimal>
    {
        [Criterion.Significance] = Significance.Value,
        [Criterion.Foundation] = Foundation!.Value,
        [Criterion.Team] = Team!.Value,
        [Criterion.Innovation] = Innovation!.Value,
        [Criterion.Integration] = Integration!.Value,
        [Criterion.Content] = Content!.Value,
        [Criterion.Targets] = Targets!.Value,
        [Criterion.Funding] = Funding!.Value,
    };

    internal void Declare(DateTimeOffset now)
    {
        if (Status != MemberStatus.Assigned)
        {
            throw Conflict("declaration", $"The declaration was already made or the seat is no longer held ({Status}).", "已签署声明或已不在专家组中。");
        }

        Status = MemberStatus.Declared;
        DeclaredAt = now;
    }

    internal void Decline(string reason, bool conflict)
    {
        if (Status is not (MemberStatus.Assigned or MemberStatus.Declared))
        {
            throw Conflict("status", $"Only an expert who has not scored can decline ({Status}).", "已提交评分或已不在专家组中，不能再谢绝。");
        }

        Status = MemberStatus.Declined;
        DeclineReason = reason;
        ConflictDeclared = conflict;
    }

    internal void Remove()
    {
        if (!Seated || Status == MemberStatus.Submitted)
        {
            throw Conflict("expertUserId", $"Only a seated expert who has not scored can be replaced ({Status}).", "只有尚未提交评分的在组专家可以被替换。");
        }

        Status = MemberStatus.Replaced;
    }

    internal void Submit(IReadOnlyDictionary<Criterion, decimal> scores, string? comment, bool support, DateTimeOffset now)
    {
        switch (Status)
        {
            case MemberStatus.Assigned:
                throw Conflict("declaration", "Sign the no-conflict declaration before scoring.", "请先签署无利益冲突声明再评分。");
            case MemberStatus.Submitted:
                throw Conflict("status", "The score was already submitted; it is final unless the committee reopens it.", "评分已提交，除非评审委员会重新开放，不得修改。");
            case MemberStatus.Declined or MemberStatus.Replaced:
                throw Conflict("status", $"The expert no longer sits on this panel ({Status}).", "该专家已不在本专家组中。");
        }

        Significance = scores[Criterion.Significance];
        Foundation = scores[Criterion.Foundation];
        Team = scores[Criterion.Team];
        Innovation = scores[Criterion.Innovation];
        Integration = scores[Criterion.Integration];
        Content = scores[Criterion.Content];
        Targets = scores[Criterion.Targets];
        Funding = scores[Criterion.Funding];
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Support = support;
        SubmittedAt = now;
        Status = MemberStatus.Submitted;
    }

    internal void Reopen()
    {
        if (Status != MemberStatus.Submitted)
        {
            throw Conflict("expertUserId", $"Only a submitted score can be reopened ({Status}).", "只有已提交的评分才能重新开放。");
        }

        Status = MemberStatus.Declared;
        SubmittedAt = null;
    }

    internal void RecordResult(ExpertTotal line)
    {
        Total = line.Total;
        Deviation = line.Deviation;
        Outlier = line.Outlier;
    }

    private static RuleViolationException Conflict(string field, string en, string zh) =>
        new(field, Rules.Expert, en, zh, RuleViolationException.ConflictStatus);
}

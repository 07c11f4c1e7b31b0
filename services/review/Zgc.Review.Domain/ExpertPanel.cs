using Zgc.SharedKernel;

namespace Zgc.Review.Domain;

public enum PanelStatus
{
    Open,
    Closed,
}

/// <summary>What a panel is formed with: the configured size, quorum and outlier threshold and the policy in force.</summary>
public sealed record PanelSettings(int Size, int QuorumPercent, decimal OutlierThreshold, ScoringPolicy Policy)
{
    /// <summary>Art. 13 (二) has "experts" assess; the committee's rule is a panel of at least five, an odd number so votes cannot tie.</summary>
    public const int MinimumSize = 5;

    /// <summary>Scores needed to close early: ⌈size × QuorumPercent / 100⌉.</summary>
    public int Quorum => (int)Math.Ceiling(Size * QuorumPercent / 100m);
}

/// <summary>
/// The expert panel of one case (R-A13-EXPERT): drawn at random with a recorded seed from the eligible experts, the
/// narrowest tier first (the application's sub-area, then its field, then every field) that has enough experts.
/// </summary>
public sealed class ExpertPanel
{
    private ExpertPanel()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public int Size { get; private set; }

    public int Quorum { get; private set; }

    public long Seed { get; private set; }

    /// <summary><c>sub-area</c>, <c>field</c> or <c>all-fields</c>: which experts the pool was drawn from.</summary>
    public string PoolTier { get; private set; } = "";

    /// <summary>The user ids the draw was made from: with <see cref="Seed"/>, enough to reproduce it (<see cref="PanelDraw"/>).</summary>
    public List<string> Pool { get; private set; } = [];

    public string PolicyVersion { get; private set; } = "";

    /// <summary>The criterion weights in force, in <see cref="Criteria.All"/> order.</summary>
    public List<decimal> Weights { get; private set; } = [];

    public decimal SupportThreshold { get; private set; }

    public decimal OutlierThreshold { get; private set; }

    public PanelStatus Status { get; private set; }

    public string FormedBy { get; private set; } = "";

    public DateTimeOffset FormedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public decimal? Mean { get; private set; }

    public decimal? TrimmedMean { get; private set; }

    public decimal? Spread { get; private set; }

    public int? SupportVotes { get; private set; }

    public int? ScoresReceived { get; private set; }

    public bool? Supported { get; private set; }

    public List<PanelMember> Members { get; private set; } = [];

    public List<PanelChange> Changes { get; private set; } = [];

    public int Version { get; private set; }

    public IEnumerable<PanelMember> Seated => Members.Where(m => m.Seated);

    public ScoringPolicy Policy => new(PolicyVersion, Criteria.All.Select((c, i) => (c, Weights[i])).ToDictionary(x => x.c, x => x.Item2), SupportThreshold);

    /// <summary>Experts of the pool who may sit on <paramref name="reviewCase"/>'s panel: active and without a conflict.</summary>
    public static IReadOnlyList<Expert> Eligible(IEnumerable<Expert> experts, ReviewCase reviewCase)
    {
        var conflicts = reviewCase.ConflictUsccs.ToList();
        return [.. experts.Where(e => e.Active && !e.IsConflictedWith(conflicts))];
    }

    public static ExpertPanel Form(ReviewCase reviewCase, IEnumerable<Expert> experts, PanelSettings settings, long seed, string by, DateTimeOffset now)
    {
        if (settings.Size < PanelSettings.MinimumSize || settings.Size % 2 == 0)
        {
            throw new RuleViolationException("size", Rules.Expert, $"A panel has at least {PanelSettings.MinimumSize} experts, an odd number.",
                $"专家组至少{PanelSettings.MinimumSize}人，且为奇数。");
        }

        if (seed is < 0 or > PanelDraw.MaximumSeed)
        {
            throw new RuleViolationException("seed", Rules.Expert, $"The seed is between 0 and {PanelDraw.MaximumSeed}.", $"随机种子须在0至{PanelDraw.MaximumSeed}之间。");
        }

        // The officer forming the panel is never drawn onto it, even if they are also in the pool (segregation of duties).
        var eligible = Eligible(experts, reviewCase).Where(e => e.UserId != by).ToList();
        var (tier, pool) = ChoosePool(eligible, reviewCase, settings.Size);
        reviewCase.StartExpertReview();
        var panel = new ExpertPanel
        {
            Id = Guid.NewGuid(),
            ApplicationId = reviewCase.ApplicationId,
            Size = settings.Size,
            Quorum = settings.Quorum,
            Seed = seed,
            PoolTier = tier,
            Pool = [.. pool.Order(StringComparer.Ordinal)],
            PolicyVersion = settings.Policy.Version,
            Weights = [.. Criteria.All.Select(c => settings.Policy.Weights[c])],
            SupportThreshold = settings.Policy.SupportThreshold,
            OutlierThreshold = settings.OutlierThreshold,
            Status = PanelStatus.Open,
            FormedBy = by,
            FormedAt = now,
        };
        foreach (var userId in PanelDraw.Order(panel.Pool, seed).Take(settings.Size))
        {
            panel.Members.Add(PanelMember.Seat(panel.Id, userId, "draw", now));
        }

        panel.Changes.Add(PanelChange.Of(panel.Id, "formed", null, null, $"random draw from the {tier} pool of {pool.Count}, seed {seed}", by, now));
        return panel;
    }

    private static (string Tier, List<string> Pool) ChoosePool(IReadOnlyList<Expert> eligible, ReviewCase reviewCase, int size)
    {
        if (reviewCase.SubArea is { } subArea)
        {
            var inSubArea = eligible.Where(e => e.SubAreas.Contains(subArea, StringComparer.OrdinalIgnoreCase)).Select(e => e.UserId).ToList();
            if (inSubArea.Count >= size)
            {
                return ("sub-area", inSubArea);
            }
        }

        var inField = eligible.Where(e => e.Fields.Contains(reviewCase.IndustryField, StringComparer.OrdinalIgnoreCase)).Select(e => e.UserId).ToList();
        if (inField.Count >= size)
        {
            return ("field", inField);
        }

        if (eligible.Count >= size)
        {
            return ("all-fields", [.. eligible.Select(e => e.UserId)]);
        }

        throw new RuleViolationException("size", Rules.Expert,
            $"Only {eligible.Count} active experts without a conflict of interest are in the pool; the panel needs {size}.",
            $"专家库中无利益冲突的在册专家仅{eligible.Count}人，专家组需要{size}人。", RuleViolationException.ConflictStatus);
    }

    public PanelMember Member(string expertUserId) =>
        Members.LastOrDefault(m => m.ExpertUserId == expertUserId) ?? throw new RuleViolationException("expertUserId", Rules.Expert,
            "The expert is not on this panel.", "该专家不在本专家组中。", RuleViolationException.ConflictStatus);

    public void Declare(string expertUserId, DateTimeOffset now)
    {
        RequireOpen();
        Member(expertUserId).Declare(now);
        Version++;
    }

    /// <summary>The expert declines; the next eligible expert of the draw order takes the seat (null when none is left).</summary>
    public PanelMember? Decline(string expertUserId, string reason, bool conflict, IReadOnlyCollection<Expert> eligible, DateTimeOffset now)
    {
        RequireOpen();
        var text = RequiredReason(reason);
        Member(expertUserId).Decline(text, conflict);
        var next = NextFromDraw(eligible, now, "replacement-draw");
        Changes.Add(PanelChange.Of(Id, conflict ? "declined-conflict" : "declined", expertUserId, next?.ExpertUserId, text, expertUserId, now));
        Version++;
        return next;
    }

    /// <summary>
    /// A committee officer replaces a seated expert who has not scored, or fills the empty seat of one who declined, with a
    /// reason: by a named eligible expert or the next of the draw order.
    /// </summary>
    public PanelMember? Replace(string expertUserId, string? replacementUserId, string reason, IReadOnlyCollection<Expert> eligible, string by, DateTimeOffset now)
    {
        RequireOpen();
        EnsureNotOnPanel([this], by, "replace a member of");
        if (replacementUserId == by)
        {
            throw SegregationOfDuties("replacementUserId", "An officer cannot seat themselves on a panel they manage.", "工作人员不能将本人替补进其管理的专家组。");
        }

        var text = RequiredReason(reason);
        var member = Member(expertUserId);
        // A seat left empty (the expert declined and nobody eligible was left to draw) is filled the same way.
        var emptySeat = member.Status == MemberStatus.Declined && Seated.Count() < Size;
        PanelMember? next;
        if (replacementUserId is not null)
        {
            if (Members.Any(m => m.ExpertUserId == replacementUserId))
            {
                throw new RuleViolationException("replacementUserId", Rules.Expert, "The replacement has already been on this panel.", "替换专家已在（或曾在）本专家组中。",
                    RuleViolationException.ConflictStatus);
            }

            if (!eligible.Any(e => e.UserId == replacementUserId))
            {
                throw new RuleViolationException("replacementUserId", Rules.Expert,
                    "The replacement is not an active expert of the pool without a conflict of interest with the applicant.",
                    "替换专家不是专家库中与申请单位无利益冲突的在册专家。", RuleViolationException.ConflictStatus);
            }

            if (!emptySeat)
            {
                member.Remove();
            }

            next = PanelMember.Seat(Id, replacementUserId, "manual", now);
            Members.Add(next);
        }
        else
        {
            if (!emptySeat)
            {
                member.Remove();
            }

            next = NextFromDraw(eligible, now, "replacement-draw");
        }

        Changes.Add(PanelChange.Of(Id, "replaced", expertUserId, next?.ExpertUserId, text, by, now));
        Version++;
        return next;
    }

    /// <summary>Records an expert's score. Returns true when every seated expert has now scored.</summary>
    public bool Submit(string expertUserId, IReadOnlyDictionary<Criterion, decimal> scores, string? comment, bool support, DateTimeOffset now)
    {
        RequireOpen();
        Member(expertUserId).Submit(scores, comment, support, now);
        Version++;
        return Seated.All(m => m.Status == MemberStatus.Submitted);
    }

    /// <summary>The committee reopens a submitted score, with a reason; the expert may submit again.</summary>
    public void Reopen(string expertUserId, string reason, string by, DateTimeOffset now)
    {
        RequireOpen();
        EnsureNotOnPanel([this], by, "reopen a score of");
        var text = RequiredReason(reason);
        Member(expertUserId).Reopen();
        Changes.Add(PanelChange.Of(Id, "reopened", expertUserId, null, text, by, now));
        Version++;
    }

    /// <summary>
    /// Closes the panel and records its result. <paramref name="early"/> is a committee officer closing before every
    /// score is in: it needs the quorum and a reason.
    /// </summary>
    public PanelResult Close(string by, DateTimeOffset now, bool early, string? reason)
    {
        RequireOpen();
        var submitted = Seated.Where(m => m.Status == MemberStatus.Submitted).ToList();
        if (early)
        {
            EnsureNotOnPanel([this], by, "close");
            var text = RequiredReason(reason);
            if (submitted.Count < Quorum)
            {
                throw new RuleViolationException("panel", Rules.Expert, $"Only {submitted.Count} scores are in; closing needs a quorum of {Quorum}.",
                    $"仅收到{submitted.Count}份评分，结束评审须达到法定人数{Quorum}。", RuleViolationException.ConflictStatus);
            }

            Changes.Add(PanelChange.Of(Id, "closed", null, null, text, by, now));
        }

        var result = PanelAggregation.Aggregate([.. submitted.Select(m => new SubmittedScore(m.ExpertUserId, m.Scores()!, m.Support!.Value))], Policy, OutlierThreshold);
        foreach (var line in result.Totals)
        {
            submitted.Single(m => m.ExpertUserId == line.ExpertUserId).RecordResult(line);
        }

        Mean = result.Mean;
        TrimmedMean = result.TrimmedMean;
        Spread = result.Spread;
        SupportVotes = result.SupportVotes;
        ScoresReceived = result.ScoresReceived;
        Supported = result.Supported;
        Status = PanelStatus.Closed;
        ClosedBy = by;
        ClosedAt = now;
        Version++;
        return result;
    }

    private PanelMember? NextFromDraw(IReadOnlyCollection<Expert> eligible, DateTimeOffset now, string joinedBy)
    {
        var stillEligible = eligible.Select(e => e.UserId).ToHashSet(StringComparer.Ordinal);
        var next = PanelDraw.Order(Pool, Seed).FirstOrDefault(id => stillEligible.Contains(id) && Members.All(m => m.ExpertUserId != id));
        if (next is null)
        {
            return null;
        }

        var member = PanelMember.Seat(Id, next, joinedBy, now);
        Members.Add(member);
        return member;
    }

    /// <summary>
    /// Segregation of duties: refuses (403) an officer's action on a case when <paramref name="userId"/> has held a seat on
    /// any of its <paramref name="panels"/> — seated, declined or replaced alike, since any of them may have seen the case
    /// as an expert.
    /// </summary>
    public static void EnsureNotOnPanel(IEnumerable<ExpertPanel> panels, string userId, string action)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Any(p => p.Members.Any(m => m.ExpertUserId == userId)))
        {
            throw SegregationOfDuties(null, $"You sit on this case's expert panel, so you cannot {action} it for the committee; another officer must.",
                "您是本申请评审专家组成员，不能以管委会工作人员身份处理本申请，须由其他工作人员办理。");
        }
    }

    private static RuleViolationException SegregationOfDuties(string? field, string english, string chinese) =>
        new(field, Rules.SegregationOfDuties, english, chinese, 403);

    private void RequireOpen()
    {
        if (Status != PanelStatus.Open)
        {
            throw new RuleViolationException("panel", Rules.Expert, "The panel is closed.", "专家组评审已结束。", RuleViolationException.ConflictStatus);
        }
    }

    private static string RequiredReason(string? reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new RuleViolationException("reason", Rules.Expert, "Give the reason for this change.", "请说明理由。")
        : reason.Trim();
}

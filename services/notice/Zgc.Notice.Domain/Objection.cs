using System.Text.RegularExpressions;
using Zgc.SharedKernel;

namespace Zgc.Notice.Domain;

public enum ObjectionStatus
{
    Received,
    Investigating,
    Upheld,
    Dismissed,
}

/// <summary>
/// Who objects. Objections are taken under a real name with an ID number or a telephone number; anonymous ones are
/// refused (the office must be able to verify and answer).
/// </summary>
public sealed partial record ObjectorIdentity(string Name, string? IdNumber, string? Telephone, string? Organisation)
{
    public static ObjectorIdentity Create(string? name, string? idNumber, string? telephone, string? organisation)
    {
        PlainText.Require("name", name);
        PlainText.Require("idNumber", idNumber);
        PlainText.Require("telephone", telephone);
        PlainText.Require("organisation", organisation);
        name = Clean(name);
        idNumber = Clean(idNumber)?.ToUpperInvariant();
        telephone = Clean(telephone);
        organisation = Clean(organisation);
        if (name is null || (idNumber is null && telephone is null))
        {
            throw new RuleViolationException(name is null ? "name" : "idNumber", PublicNotice.Rule,
                "Anonymous objections are not accepted: give your real name and an ID number or a telephone number.",
                "不受理匿名异议：请填写真实姓名，以及身份证号码或联系电话。");
        }

        if (name.Length is < 2 or > 50)
        {
            throw new RuleViolationException("name", PublicNotice.Rule, "The name has 2 to 50 characters.", "姓名应为2至50个字符。");
        }

        if (idNumber is not null && !IsResidentIdNumber(idNumber))
        {
            throw new RuleViolationException("idNumber", PublicNotice.Rule, "The ID number is not a valid 18-character resident ID number.",
                "身份证号码不是有效的18位居民身份证号码。");
        }

        if (telephone is not null && !TelephonePattern().IsMatch(telephone))
        {
            throw new RuleViolationException("telephone", PublicNotice.Rule, "The telephone is not a valid mobile or landline number.",
                "联系电话不是有效的手机或固定电话号码。");
        }

        if (organisation is { Length: > 100 })
        {
            throw new RuleViolationException("organisation", PublicNotice.Rule, "The organisation has at most 100 characters.", "单位名称不超过100个字符。");
        }

        return new ObjectorIdentity(name, idNumber, telephone, organisation);
    }

    /// <summary>GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
    public static bool IsResidentIdNumber(string value)
    {
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11] == value[17];
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex TelephonePattern();
}

/// <summary>An objection (异议) to a notice; its receipt number lets the objector follow it without signing in.</summary>
public sealed class Objection
{
    public const int MinReasonsLength = 10;
    public const int MaxReasonsLength = 2000;

    private readonly List<ObjectionEvidence> _evidence = [];

    private Objection()
    {
    }

    public Guid Id { get; private set; }

    public Guid NoticeId { get; private set; }

    public string ReceiptNumber { get; private set; } = "";

    public string ObjectorName { get; private set; } = "";

    public string? IdNumber { get; private set; }

    public string? Telephone { get; private set; }

    public string? Organisation { get; private set; }

    public string Reasons { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    public ObjectionStatus Status { get; private set; }

    /// <summary>The officer's finding when upheld or dismissed.</summary>
    public string? Finding { get; private set; }

    public string? HandledBy { get; private set; }

    /// <summary>
    /// The signed-in user (token <c>sub</c>) who filed the objection, when it was filed signed in; null for the public.
    /// Kept so that an officer never handles an objection they filed themselves (segregation of duties).
    /// </summary>
    public string? FiledBy { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public bool IsPending => Status is ObjectionStatus.Received or ObjectionStatus.Investigating;

    /// <summary>The files sent in support, in the order received.</summary>
    public IReadOnlyList<ObjectionEvidence> Evidence => _evidence;

    /// <summary>
    /// Records a supporting file whose content is already checked and stored. Evidence is taken while the objection is
    /// still undecided: with the objection, or later while it is received or under investigation (an officer may ask
    /// for more); once upheld or dismissed the record is closed.
    /// </summary>
    public ObjectionEvidence AttachEvidence(Guid id, string fileName, string contentType, long length, string sha256, DateTimeOffset now)
    {
        EnsureTakesEvidence();
        var evidence = ObjectionEvidence.Create(id, Id, fileName, contentType, length, sha256, now);
        _evidence.Add(evidence);
        return evidence;
    }

    internal static Objection Submit(Guid id, Guid noticeId, string receiptNumber, ObjectorIdentity objector, string reasons, DateTimeOffset now,
        string? filedBy)
    {
        PlainText.Require("reasons", reasons);
        var text = reasons?.Trim() ?? "";
        if (text.Length is < MinReasonsLength or > MaxReasonsLength)
        {
            throw new RuleViolationException("reasons", PublicNotice.Rule,
                $"State the reasons in {MinReasonsLength} to {MaxReasonsLength} characters.", $"异议理由应为{MinReasonsLength}至{MaxReasonsLength}个字。");
        }

        return new Objection
        {
            Id = id,
            NoticeId = noticeId,
            ReceiptNumber = receiptNumber,
            ObjectorName = objector.Name,
            IdNumber = objector.IdNumber,
            Telephone = objector.Telephone,
            Organisation = objector.Organisation,
            Reasons = text,
            SubmittedAt = now,
            Status = ObjectionStatus.Received,
            FiledBy = string.IsNullOrWhiteSpace(filedBy) ? null : filedBy,
        };
    }

    /// <summary>Refuses evidence once the objection is decided (checked before any file is stored).</summary>
    public void EnsureTakesEvidence()
    {
        if (!IsPending)
        {
            throw new RuleViolationException(null, PublicNotice.Rule, $"The objection is {Status}; evidence is no longer taken.",
                "该异议已有核查结论，不再接收证明材料。", RuleViolationException.ConflictStatus);
        }
    }

    internal void Investigate(string by, DateTimeOffset now)
    {
        EnsureNotFiledBy(by);
        if (Status != ObjectionStatus.Received)
        {
            throw new RuleViolationException(null, PublicNotice.Rule, $"The objection is {Status}; only a received one can be taken up.",
                "只有已受理的异议可以开始核查。", RuleViolationException.ConflictStatus);
        }

        Status = ObjectionStatus.Investigating;
        HandledBy = by;
        UpdatedAt = now;
    }

    internal void Resolve(bool upheld, string finding, string by, DateTimeOffset now)
    {
        EnsureNotFiledBy(by);
        if (Status != ObjectionStatus.Investigating)
        {
            throw new RuleViolationException(null, PublicNotice.Rule, $"The objection is {Status}; only one under investigation can be decided.",
                "只有核查中的异议可以作出结论。", RuleViolationException.ConflictStatus);
        }

        if (string.IsNullOrWhiteSpace(finding) || finding.Trim().Length > 2000)
        {
            throw new RuleViolationException("finding", PublicNotice.Rule, "Give the finding (at most 2000 characters).", "请填写核查结论（不超过2000字）。");
        }

        Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        Finding = finding.Trim();
        HandledBy = by;
        UpdatedAt = now;
    }

    /// <summary>Segregation of duties: the officer who filed an objection does not investigate or decide it (403).</summary>
    private void EnsureNotFiledBy(string by)
    {
        if (FiledBy is not null && FiledBy == by)
        {
            throw new RuleViolationException(null, PublicNotice.SegregationOfDutiesRule,
                "You filed this objection, so you cannot investigate or decide it; another officer must.",
                "您是该异议的提出人，不能核查或决定该异议，须由其他工作人员办理。", 403);
        }
    }
}

using Zgc.SharedKernel;

namespace Zgc.Review.Domain;

/// <summary>
/// An expert of the committee's expert pool (专家库). Experts are users with the expert role: the record is keyed by
/// the user id that their token carries as <c>sub</c>, so an expert signed in sees exactly their own assignments.
/// </summary>
public sealed class Expert
{
    private Expert()
    {
    }

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string EmployerName { get; private set; } = "";

    /// <summary>The employer's USCC: an expert never sits on a panel for a unit or integrated enterprise with this code.</summary>
    public string EmployerUscc { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>Codes of the industry fields of expertise (R-A4-FIELDS).</summary>
    public List<string> Fields { get; private set; } = [];

    /// <summary>Codes of the sub-areas of expertise, each within one of <see cref="Fields"/>.</summary>
    public List<string> SubAreas { get; private set; } = [];

    /// <summary>USCCs of organisations the expert declared a standing conflict with (e.g. a former employer).</summary>
    public List<string> DeclaredConflictUsccs { get; private set; } = [];

    public bool Active { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Checks and normalises the expert's details; the first broken rule is thrown.</summary>
    public static Expert Create(ExpertDetails details, DateTimeOffset now)
    {
        var expert = new Expert { UserId = RequiredText(details.UserId, "userId", 128) };
        expert.Update(details, now);
        return expert;
    }

    public void Update(ExpertDetails details, DateTimeOffset now)
    {
        var name = RequiredText(details.Name, "name", 100);
        var employerName = RequiredText(details.EmployerName, "employerName", 200);
        var employerUscc = Uscc.Normalise(details.EmployerUscc) ?? throw new RuleViolationException("employerUscc", Rules.Expert,
            "The employer's unified social credit code must be 18 characters (digits and capital letters except I, O, Z, S, V).",
            "工作单位统一社会信用代码须为18位（数字及除I、O、Z、S、V外的大写字母）。");
        var title = RequiredText(details.Title, "title", 100);
        if (details.Fields is not { Count: > 0 })
        {
            throw new RuleViolationException("fields", IndustryField.Rule, "Name at least one industry field of expertise.", "请至少填写一个专业领域。");
        }

        var fields = details.Fields.Select(code => IndustryField.TryParse(code, out var field) ? field : throw new RuleViolationException("fields",
            IndustryField.Rule, $"'{code}' is not an industry field of Art. 4 ({string.Join(", ", IndustryField.All)}).",
            $"“{code}”不是第四条所列的产业领域。")).Distinct().ToList();
        var subAreas = (details.SubAreas ?? []).Select(code => IndustryField.AllSubAreas.FirstOrDefault(s =>
            string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? throw new RuleViolationException("subAreas", IndustryField.Rule,
                $"'{code}' is not a sub-area of Art. 4.", $"“{code}”不是第四条所列的细分领域。")).Distinct().ToList();
        if (subAreas.FirstOrDefault(s => !fields.Any(f => f.Code == s.FieldCode)) is { } stray)
        {
            throw new RuleViolationException("subAreas", IndustryField.Rule,
                $"The sub-area '{stray.Code}' belongs to the field '{stray.FieldCode}', which is not among the expert's fields.",
                $"细分领域“{stray.ZhName}”不属于该专家所填的专业领域。");
        }

        var conflicts = new List<string>();
        foreach (var value in details.DeclaredConflictUsccs ?? [])
        {
            conflicts.Add(Uscc.Normalise(value) ?? throw new RuleViolationException("declaredConflictUsccs", Rules.Expert,
                $"'{value}' is not an 18-character unified social credit code.", $"“{value}”不是18位统一社会信用代码。"));
        }

        Name = name;
        EmployerName = employerName;
        EmployerUscc = employerUscc;
        Title = title;
        Fields = [.. fields.Select(f => f.Code)];
        SubAreas = [.. subAreas.Select(s => s.Code)];
        DeclaredConflictUsccs = [.. conflicts.Distinct(StringComparer.Ordinal)];
        Active = details.Active;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>True when the expert's employer or a declared conflict is one of <paramref name="usccs"/>.</summary>
    public bool IsConflictedWith(IEnumerable<string> usccs) =>
        usccs.Any(code => code == EmployerUscc || DeclaredConflictUsccs.Contains(code));

    private static string RequiredText(string? value, string field, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new RuleViolationException(field, Rules.Expert, $"'{field}' is required.", $"“{field}”为必填项。");
        }

        return text.Length <= maxLength ? text : throw new RuleViolationException(field, Rules.Expert,
            $"'{field}' is at most {maxLength} characters.", $"“{field}”不得超过{maxLength}个字符。");
    }
}

/// <summary>What an officer (or a CSV row) says about an expert.</summary>
public sealed record ExpertDetails(
    string? UserId,
    string? Name,
    string? EmployerName,
    string? EmployerUscc,
    string? Title,
    IReadOnlyList<string>? Fields,
    IReadOnlyList<string>? SubAreas,
    IReadOnlyList<string>? DeclaredConflictUsccs,
    bool Active = true);

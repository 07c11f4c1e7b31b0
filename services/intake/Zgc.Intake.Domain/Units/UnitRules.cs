using Zgc.SharedKernel;

namespace Zgc.Intake.Domain.Units;

/// <summary>Input checks of a unit profile: what must be there and which codes exist. Eligibility is judged later.</summary>
public static class UnitRules
{
    public const string Rule = "R-A13-APPLY";
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxContacts = 20;

    public static IReadOnlyList<FieldError> Validate(UnitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var hygiene = InputHygiene.Check(profile);
        if (hygiene.Any(InputHygiene.IsEmptyEntry))
        {
            // The rules below assume every contact is there.
            return hygiene;
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(profile.Name) || profile.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new("name", Rule, $"The unit name is required and at most {MaxNameLength} characters.", $"单位名称不能为空，且不超过{MaxNameLength}个字符。"));
        }

        if (!LeadUnitType.TryParse(profile.LeadUnitType, out var type))
        {
            errors.Add(new("leadUnitType", LeadUnitType.Rule,
                $"The lead-unit type must be one of: {string.Join(", ", LeadUnitType.All.Select(t => t.Code))}.",
                $"牵头单位类型必须是：{string.Join("、", LeadUnitType.All.Select(t => $"{t.Code}（{t.ZhName}）"))}。"));
        }
        else if (profile.Qualification is not null
            && !LeadQualifications.ByLeadUnitType[type.Code].Any(q => q.Code == profile.Qualification))
        {
            var valid = LeadQualifications.ByLeadUnitType[type.Code];
            errors.Add(new("qualification", "R-A7-LEAD",
                $"For a {type.Code} the qualification is one of: {string.Join(", ", valid.Select(q => q.Code))}.",
                $"{type.ZhName}的资质必须是：{string.Join("、", valid.Select(q => $"{q.Code}（{q.ZhName}）"))}。"));
        }

        if (profile.LegalPersonStatus is not null && !LeadQualifications.LegalPersonStatuses.Any(s => s.Code == profile.LegalPersonStatus))
        {
            errors.Add(new("legalPersonStatus", "R-A7-ENTITY", "The legal-person status is independent-legal-person or transitional.",
                "法人状态必须是 independent-legal-person（独立法人）或 transitional（过渡安排）。"));
        }

        if (profile.Transitional?.PlanToIncorporate is { Length: > MaxTextLength })
        {
            errors.Add(new("transitional.planToIncorporate", "R-A7-ENTITY", $"At most {MaxTextLength} characters.", $"不超过{MaxTextLength}个字符。"));
        }

        if (profile.Governance?.Body is { } body && !LeadQualifications.GovernanceBodies.Any(b => b.Code == body))
        {
            errors.Add(new("governance.body", "R-A7-GOVERNANCE", "The governing body is board, council or expert-committee.",
                "领导机构必须是 board（董事会）、council（理事会）或 expert-committee（专家委员会）。"));
        }

        var contacts = profile.Contacts ?? [];
        if (contacts.Count == 0 || contacts.Count > MaxContacts)
        {
            errors.Add(new("contacts", Rule, $"Give between 1 and {MaxContacts} contacts.", $"联系人应为1至{MaxContacts}人。"));
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            if (string.IsNullOrWhiteSpace(c.Name) || (string.IsNullOrWhiteSpace(c.Phone) && string.IsNullOrWhiteSpace(c.Email)))
            {
                errors.Add(new($"contacts[{i}]", Rule, "A contact needs a name and a phone number or e-mail address.", "联系人须填写姓名及电话或电子邮箱。"));
            }
            else if (c.Email is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add(new($"contacts[{i}].email", Rule, "The e-mail address is not valid.", "电子邮箱格式不正确。"));
            }
        }

        // What the rules above did not already say about a field: control characters, bidi overrides, overlong text.
        errors.AddRange(hygiene.Where(h => !errors.Any(e => e.Field == h.Field)));
        return errors;
    }
}

using Zgc.SharedKernel;

namespace Zgc.Intake.Domain.Content;

/// <summary>
/// Input checks of an application's content. <see cref="Validate"/> runs on every save (codes exist, amounts and
/// counts are sane, codes of enterprises are real USCCs); <see cref="Completeness"/> runs on submission and asks
/// for every section Art. 13 (一) lists (R-A13-APPLY). Whether the content meets Art. 7 is the screening's job.
/// </summary>
public static class ContentRules
{
    public const string Rule = "R-A13-APPLY";
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 20_000;
    public const int MaxListLength = 1_000;

    /// <summary>No single amount above CNY 10^13 (10 trillion): far above any platform, and sums can never overflow.</summary>
    public const long MaxAmountFen = 1_000_000_000_000_000;

    public static IReadOnlyList<FieldError> Validate(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hygiene = InputHygiene.Check(content);
        if (hygiene.Any(InputHygiene.IsEmptyEntry))
        {
            // The field rules below assume every list entry is there.
            return hygiene;
        }

        var errors = new List<FieldError>();

        Text(errors, "platformName", content.PlatformName, MaxNameLength);
        Text(errors, "basicInformation", content.BasicInformation, MaxTextLength);
        Text(errors, "necessity", content.Necessity, MaxTextLength);
        Text(errors, "constructionContent", content.ConstructionContent, MaxTextLength);
        Text(errors, "goals.innovationGoals", content.Goals?.InnovationGoals, MaxTextLength);
        Text(errors, "foundation.existingWork", content.Foundation?.ExistingWork, MaxTextLength);

        if (content.IndustryField is not null)
        {
            Taxonomy(errors, () =>
            {
                _ = IndustryField.Parse(content.IndustryField);
                if (content.SubArea is not null)
                {
                    _ = IndustryField.ParseSubArea(content.IndustryField, content.SubArea);
                }
            });
        }

        if (content.SubPark is not null)
        {
            Taxonomy(errors, () => _ = SubPark.Parse(content.SubPark));
        }

        ValidateGoals(errors, content.Goals);
        ValidateFoundation(errors, content.Foundation);
        ValidateSchedule(errors, content.Schedule);
        ValidateTeam(errors, content.Team);
        ValidateFunding(errors, content.Funding);
        ValidateEnterprises(errors, content.IntegratedEnterprises);
        ValidateConstruction(errors, content.Construction);
        // What the field rules did not already say about a field: control characters, bidi overrides, odd numbers and dates.
        errors.AddRange(hygiene.Where(h => !errors.Any(e => e.Field == h.Field)));
        return errors;
    }

    /// <summary>The sections a submitted application must have (Art. 13 (一)).</summary>
    public static IReadOnlyList<FieldError> Completeness(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<FieldError>();
        Required(errors, "platformName", content.PlatformName, "the platform name", "平台名称");
        Required(errors, "industryField", content.IndustryField, "the industry field", "产业领域");
        Required(errors, "subArea", content.SubArea, "the sub-area", "细分领域");
        Required(errors, "subPark", content.SubPark, "the sub-park", "所在分园");
        Required(errors, "basicInformation", content.BasicInformation, "the unit's basic information", "建设单位基本情况");
        Required(errors, "necessity", content.Necessity, "the necessity", "建设必要性");
        Required(errors, "goals.innovationGoals", content.Goals?.InnovationGoals, "the goals", "建设目标");
        Required(errors, "constructionContent", content.ConstructionContent, "the construction content", "建设内容");
        Required(errors, "foundation.existingWork", content.Foundation?.ExistingWork, "the existing foundation", "已开展工作基础");
        if (content.Schedule is not { Count: > 0 })
        {
            errors.Add(new("schedule", Rule, "The schedule needs at least one dated milestone.", "进度安排至少包含一个有日期的里程碑。"));
        }

        Required(errors, "team.leader.name", content.Team?.Leader?.Name, "the core team's leader", "核心团队负责人");
        if (content.Funding is not { Count: > 0 } || Totals(content).Total.Fen <= 0)
        {
            errors.Add(new("funding", Rule, "The funding input needs at least one cost category with an amount.", "资金投入至少填写一个费用类别及金额。"));
        }

        if (content.Construction?.Status is null)
        {
            errors.Add(new("construction.status", Rule, "The construction status is required.", "须填写建设状态。"));
        }

        return errors;
    }

    /// <summary>Total investment (every category) and the support base (without land and construction-installation, R-A10-BASE).</summary>
    public static (Money Total, Money SupportBase) Totals(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var total = Money.Zero;
        var supportBase = Money.Zero;
        foreach (var line in content.Funding ?? [])
        {
            var amount = Money.FromFen(Math.Clamp(line.AmountFen, 0, MaxAmountFen));
            total += amount;
            if (line.Category is not null && CostCategories.InSupportBase(line.Category))
            {
                supportBase += amount;
            }
        }

        return (total, supportBase);
    }

    /// <summary>The codes of the integrated enterprises, distinct, in the order given.</summary>
    public static IReadOnlyList<string> EnterpriseUsccs(ApplicationContent content) =>
        [.. (content?.IntegratedEnterprises ?? []).Select(e => e.Uscc?.Trim().ToUpperInvariant() ?? "").Where(u => u.Length > 0).Distinct(StringComparer.Ordinal)];

    private static void ValidateGoals(List<FieldError> errors, Goals? goals)
    {
        var tasks = goals?.CoreTechnologyTasks ?? [];
        Count(errors, "goals.coreTechnologyTasks", tasks.Count);
        for (var i = 0; i < tasks.Count; i++)
        {
            Text(errors, $"goals.coreTechnologyTasks[{i}]", tasks[i], MaxTextLength);
        }

        var targets = goals?.StageTargets ?? [];
        Count(errors, "goals.stageTargets", targets.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            Text(errors, $"goals.stageTargets[{i}].indicator", targets[i].Indicator, MaxNameLength);
            Text(errors, $"goals.stageTargets[{i}].stage", targets[i].Stage, MaxNameLength);
            Text(errors, $"goals.stageTargets[{i}].unit", targets[i].Unit, MaxNameLength);
        }
    }

    private static void ValidateFoundation(List<FieldError> errors, Foundation? foundation)
    {
        var facilities = foundation?.Facilities ?? [];
        Count(errors, "foundation.facilities", facilities.Count);
        for (var i = 0; i < facilities.Count; i++)
        {
            Code(errors, $"foundation.facilities[{i}].kind", facilities[i].Kind, FacilityKinds.All, "R-A7-FACILITIES");
            Text(errors, $"foundation.facilities[{i}].description", facilities[i].Description, MaxTextLength);
        }
    }

    private static void ValidateSchedule(List<FieldError> errors, IReadOnlyList<Milestone>? schedule)
    {
        var milestones = schedule ?? [];
        Count(errors, "schedule", milestones.Count);
        for (var i = 0; i < milestones.Count; i++)
        {
            if (milestones[i].DueOn is null || string.IsNullOrWhiteSpace(milestones[i].Description))
            {
                errors.Add(new($"schedule[{i}]", Rule, "A milestone needs a date and a description.", "里程碑须有日期和说明。"));
            }

            Text(errors, $"schedule[{i}].description", milestones[i].Description, MaxTextLength);
        }
    }

    private static void ValidateTeam(List<FieldError> errors, CoreTeam? team)
    {
        if (team is null)
        {
            return;
        }

        Text(errors, "team.leader.name", team.Leader?.Name, MaxNameLength);
        Text(errors, "team.leader.position", team.Leader?.Position, MaxNameLength);
        if (team.Leader?.Title is not null)
        {
            Code(errors, "team.leader.title", team.Leader.Title, LeaderTitles.All, "R-A7-TEAM");
        }

        if (team.FullTimeStaff is < 0 or > 1_000_000)
        {
            errors.Add(new("team.fullTimeStaff", "R-A7-TEAM", "The number of full-time staff is between 0 and 1,000,000.", "专职人员数应在0至1,000,000之间。"));
        }

        var members = team.Members ?? [];
        Count(errors, "team.members", members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(members[i].Name))
            {
                errors.Add(new($"team.members[{i}].name", Rule, "A team member needs a name.", "团队成员须填写姓名。"));
            }

            Text(errors, $"team.members[{i}].name", members[i].Name, MaxNameLength);
            Text(errors, $"team.members[{i}].role", members[i].Role, MaxNameLength);
        }
    }

    private static void ValidateFunding(List<FieldError> errors, IReadOnlyList<FundingLine>? funding)
    {
        var lines = funding ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            Code(errors, $"funding[{i}].category", lines[i].Category, CostCategories.All, "R-A10-BASE");
            if (lines[i].Category is { } category && !seen.Add(category))
            {
                errors.Add(new($"funding[{i}].category", "R-A10-BASE", $"The category '{category}' appears twice; give one amount per category.",
                    $"费用类别“{category}”重复，每个类别只填一个金额。"));
            }

            if (lines[i].AmountFen is < 0 or > MaxAmountFen)
            {
                errors.Add(new($"funding[{i}].amountFen", "R-A10-BASE", "An amount is a whole number of fen, not negative, at most 10^15 fen.",
                    "金额以分为单位，不能为负数，且不超过10^15分。"));
            }
        }
    }

    private static void ValidateEnterprises(List<FieldError> errors, IReadOnlyList<IntegratedEnterprise>? enterprises)
    {
        var list = enterprises ?? [];
        Count(errors, "integratedEnterprises", list.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var e = list[i];
            if (string.IsNullOrWhiteSpace(e.Name) || e.Name.Trim().Length > MaxNameLength)
            {
                errors.Add(new($"integratedEnterprises[{i}].name", "R-A7-INTEGRATION", "An integrated enterprise needs a name (at most 200 characters).",
                    "整合企业须填写名称（不超过200个字符）。"));
            }

            var code = e.Uscc?.Trim().ToUpperInvariant() ?? "";
            if (Uscc.Problem(code) is { } problem)
            {
                errors.Add(new($"integratedEnterprises[{i}].uscc", Uscc.Rule, problem.En, problem.Zh));
            }
            else if (!seen.Add(code))
            {
                errors.Add(new($"integratedEnterprises[{i}].uscc", "R-A7-INTEGRATION", $"The enterprise {code} is listed twice.", $"企业{code}重复列出。"));
            }

            Code(errors, $"integratedEnterprises[{i}].relation", e.Relation, EnterpriseRelations.All, "R-A7-INTEGRATION");
        }
    }

    private static void ValidateConstruction(List<FieldError> errors, Construction? construction)
    {
        if (construction?.Status is not null)
        {
            Code(errors, "construction.status", construction.Status, ConstructionStatuses.All, "R-A7-RECENT");
        }

        if (construction?.ActualInvestmentToDateFen is < 0 or > MaxAmountFen)
        {
            errors.Add(new("construction.actualInvestmentToDateFen", "R-A7-RECENT", "The actual investment is a whole number of fen, not negative.",
                "实际投入以分为单位，不能为负数。"));
        }
    }

    private static void Code(List<FieldError> errors, string field, string? value, IReadOnlyList<CodeEntry> valid, string rule)
    {
        if (value is null || !valid.Any(v => v.Code == value))
        {
            errors.Add(new(field, rule, $"'{value}' is not valid here; use one of: {string.Join(", ", valid.Select(v => v.Code))}.",
                $"“{value}”无效，应为：{string.Join("、", valid.Select(v => $"{v.Code}（{v.ZhName}）"))}。"));
        }
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, Rule, $"At most {max} characters.", $"不超过{max}个字符。"));
        }
    }

    private static void Count(List<FieldError> errors, string field, int count)
    {
        if (count > MaxListLength)
        {
            errors.Add(new(field, Rule, $"At most {MaxListLength} entries.", $"不超过{MaxListLength}项。"));
        }
    }

    private static void Required(List<FieldError> errors, string field, string? value, string en, string zh)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, Rule, $"A submitted application needs {en}.", $"提交的申请须填写{zh}。"));
        }
    }

    private static void Taxonomy(List<FieldError> errors, Action parse)
    {
        try
        {
            parse();
        }
        catch (TaxonomyException e)
        {
            errors.Add(new(e.Field, e.Rule, e.MessageEn, e.MessageZh));
        }
    }
}

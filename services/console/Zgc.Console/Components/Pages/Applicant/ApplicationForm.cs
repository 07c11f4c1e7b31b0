using Zgc.Console.Api;

using Zgc.Console.Localization;

namespace Zgc.Console.Components.Pages.Applicant;

/// <summary>
/// The application editor's state: what the user typed, kept as typed (amounts as yuan text) so that nothing is lost on
/// an error, and turned into the service's content only when saved. Field names in <see cref="Problems"/> are the
/// service's own (e.g. <c>funding[2].amountFen</c>) so that one FieldError shows both the local and the service's word.
/// </summary>
public sealed class ApplicationForm
{
    public string? PlatformName { get; set; }

    public string? IndustryField { get; set; }

    public string? SubArea { get; set; }

    public string? SubPark { get; set; }

    public string? BasicInformation { get; set; }

    public string? Necessity { get; set; }

    public string? InnovationGoals { get; set; }

    public List<TextRow> Tasks { get; } = [];

    public List<TargetRow> Targets { get; } = [];

    public string? ConstructionContent { get; set; }

    public string? ExistingWork { get; set; }

    public List<FacilityRow> Facilities { get; } = [];

    public List<MilestoneRow> Schedule { get; } = [];

    public string? LeaderName { get; set; }

    public string? LeaderTitle { get; set; }

    public string? LeaderPosition { get; set; }

    public int? FullTimeStaff { get; set; }

    public List<MemberRow> Members { get; } = [];

    public List<FundingRow> Funding { get; } = [];

    public List<EnterpriseRow> Enterprises { get; } = [];

    public string? ConstructionStatus { get; set; }

    public DateOnly? EstablishedOn { get; set; }

    public string? ActualInvestmentYuan { get; set; }

    /// <summary>Total of the funding rows that parse, in fen.</summary>
    public long TotalFen => Funding.Select(f => Yuan.ToFen(f.AmountYuan) ?? 0).Sum();

    /// <summary>A form holding <paramref name="content"/> (a saved working copy), or an empty one.</summary>
    public static ApplicationForm From(MyApplicationContent? content)
    {
        var form = new ApplicationForm();
        if (content is null)
        {
            return form;
        }

        form.PlatformName = content.PlatformName;
        form.IndustryField = content.IndustryField;
        form.SubArea = content.SubArea;
        form.SubPark = content.SubPark;
        form.BasicInformation = content.BasicInformation;
        form.Necessity = content.Necessity;
        form.InnovationGoals = content.Goals?.InnovationGoals;
        form.Tasks.AddRange((content.Goals?.CoreTechnologyTasks ?? []).Select(t => new TextRow { Text = t }));
        form.Targets.AddRange((content.Goals?.StageTargets ?? []).Select(t => new TargetRow
        {
            Stage = t.Stage, Indicator = t.Indicator, TargetValue = t.TargetValue, Unit = t.Unit, DueOn = t.DueOn,
        }));
        form.ConstructionContent = content.ConstructionContent;
        form.ExistingWork = content.Foundation?.ExistingWork;
        form.Facilities.AddRange((content.Foundation?.Facilities ?? []).Select(f => new FacilityRow { Kind = f.Kind, Description = f.Description }));
        form.Schedule.AddRange((content.Schedule ?? []).Select(m => new MilestoneRow { DueOn = m.DueOn, Description = m.Description }));
        form.LeaderName = content.Team?.Leader?.Name;
        form.LeaderTitle = content.Team?.Leader?.Title;
        form.LeaderPosition = content.Team?.Leader?.Position;
        form.FullTimeStaff = content.Team?.FullTimeStaff;
        form.Members.AddRange((content.Team?.Members ?? []).Select(m => new MemberRow { Name = m.Name, Role = m.Role, FullTime = m.FullTime }));
        form.Funding.AddRange((content.Funding ?? []).Select(f => new FundingRow { Category = f.Category, AmountYuan = Yuan.Edit(f.AmountFen) }));
        form.Enterprises.AddRange((content.IntegratedEnterprises ?? []).Select(e => new EnterpriseRow { Name = e.Name, Uscc = e.Uscc, Relation = e.Relation }));
        form.ConstructionStatus = content.Construction?.Status;
        form.EstablishedOn = content.Construction?.EstablishedOn;
        form.ActualInvestmentYuan = content.Construction?.ActualInvestmentToDateFen is { } fen ? Yuan.Edit(fen) : null;
        return form;
    }

    /// <summary>
    /// Removes the rows left entirely blank (a new form starts with one of each), before saving: what is sent then lines up
    /// row by row with what is shown, so the service's field errors land on the right row.
    /// </summary>
    public void DropEmptyRows()
    {
        Tasks.RemoveAll(t => string.IsNullOrWhiteSpace(t.Text));
        Targets.RemoveAll(t => Blank(t.Stage) is null && Blank(t.Indicator) is null && t.TargetValue is null && Blank(t.Unit) is null && t.DueOn is null);
        Facilities.RemoveAll(f => Blank(f.Kind) is null && Blank(f.Description) is null);
        Schedule.RemoveAll(m => m.DueOn is null && Blank(m.Description) is null);
        Members.RemoveAll(m => Blank(m.Name) is null && Blank(m.Role) is null);
        Funding.RemoveAll(f => Blank(f.Category) is null && Blank(f.AmountYuan) is null);
        Enterprises.RemoveAll(e => Blank(e.Name) is null && Blank(e.Uscc) is null && Blank(e.Relation) is null);
    }

    /// <summary>The content to save; null when an amount cannot be read (the user corrects it first, see <see cref="Problems"/>).</summary>
    public MyApplicationContent? ToContent()
    {
        var funding = new List<MyFundingLine>();
        foreach (var row in Funding)
        {
            if (Yuan.ToFen(row.AmountYuan) is not { } fen)
            {
                return null;
            }

            funding.Add(new MyFundingLine(Blank(row.Category), fen));
        }

        long? invested = null;
        if (!string.IsNullOrWhiteSpace(ActualInvestmentYuan))
        {
            invested = Yuan.ToFen(ActualInvestmentYuan);
            if (invested is null)
            {
                return null;
            }
        }

        return new MyApplicationContent
        {
            PlatformName = Blank(PlatformName),
            IndustryField = Blank(IndustryField),
            SubArea = Blank(SubArea),
            SubPark = Blank(SubPark),
            BasicInformation = Blank(BasicInformation),
            Necessity = Blank(Necessity),
            Goals = new MyGoals(Blank(InnovationGoals), [.. Tasks.Select(t => t.Text ?? "")],
                [.. Targets.Select(t => new MyStageTarget(Blank(t.Stage), Blank(t.Indicator), t.TargetValue, Blank(t.Unit), t.DueOn))]),
            ConstructionContent = Blank(ConstructionContent),
            Foundation = new MyFoundation(Blank(ExistingWork), [.. Facilities.Select(f => new MyFacility(Blank(f.Kind), Blank(f.Description)))]),
            Schedule = [.. Schedule.Select(m => new MyMilestone(m.DueOn, Blank(m.Description)))],
            Team = new MyTeam(new MyTeamLeader(Blank(LeaderName), Blank(LeaderTitle), Blank(LeaderPosition)), FullTimeStaff,
                [.. Members.Select(m => new MyTeamMember(Blank(m.Name), Blank(m.Role), m.FullTime))]),
            Funding = funding,
            IntegratedEnterprises = [.. Enterprises.Select(e => new MyEnterprise(Blank(e.Name), Blank(e.Uscc)?.ToUpperInvariant(), Blank(e.Relation)))],
            Construction = new MyConstruction(EstablishedOn, Blank(ConstructionStatus), invested),
        };
    }

    /// <summary>
    /// What the page itself can tell is wrong, by the service's field name: text keys with one argument. Required fields
    /// are listed separately (<paramref name="required"/>), shown once the user has been in the field or tried to save.
    /// </summary>
    public Dictionary<string, (string Key, string Argument)> Problems(out HashSet<string> required)
    {
        var problems = new Dictionary<string, (string Key, string Argument)>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        required = missing;

        void Require(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems[field] = ("form.required", "");
                missing.Add(field);
            }
        }

        Require("platformName", PlatformName);
        Require("industryField", IndustryField);
        Require("subArea", SubArea);
        Require("subPark", SubPark);
        Require("basicInformation", BasicInformation);
        Require("necessity", Necessity);
        Require("goals.innovationGoals", InnovationGoals);
        Require("constructionContent", ConstructionContent);
        Require("foundation.existingWork", ExistingWork);
        Require("team.leader.name", LeaderName);
        Require("construction.status", ConstructionStatus);
        if (PlatformName is { Length: > 200 })
        {
            problems["platformName"] = ("applicant.tooLong", "200");
        }

        if (FullTimeStaff is < 0 or > 1_000_000)
        {
            problems["team.fullTimeStaff"] = ("applicant.staffRange", "");
        }

        if (!string.IsNullOrWhiteSpace(ActualInvestmentYuan) && Yuan.ToFen(ActualInvestmentYuan) is null)
        {
            problems["construction.actualInvestmentToDateFen"] = ("applicant.badAmount", "");
        }

        if (ConstructionStatus == "built" && EstablishedOn is null)
        {
            problems["construction.establishedOn"] = ("applicant.builtNeedsDate", "");
        }

        for (var i = 0; i < Schedule.Count; i++)
        {
            if (Schedule[i].DueOn is null || string.IsNullOrWhiteSpace(Schedule[i].Description))
            {
                problems[$"schedule[{i}]"] = ("applicant.milestoneIncomplete", "");
            }
        }

        for (var i = 0; i < Targets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Targets[i].Indicator) || Targets[i].TargetValue is null || Targets[i].DueOn is null)
            {
                problems[$"goals.stageTargets[{i}].indicator"] = ("applicant.targetIncomplete", "");
            }
        }

        for (var i = 0; i < Members.Count; i++)
        {
            Require($"team.members[{i}].name", Members[i].Name);
        }

        for (var i = 0; i < Facilities.Count; i++)
        {
            Require($"foundation.facilities[{i}].kind", Facilities[i].Kind);
        }

        var categories = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Funding.Count; i++)
        {
            Require($"funding[{i}].category", Funding[i].Category);
            if (Funding[i].Category is { Length: > 0 } category && !categories.Add(category))
            {
                problems[$"funding[{i}].category"] = ("applicant.categoryTwice", "");
            }

            if (Yuan.ToFen(Funding[i].AmountYuan) is null)
            {
                problems[$"funding[{i}].amountFen"] = ("applicant.badAmount", "");
            }
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Enterprises.Count; i++)
        {
            var e = Enterprises[i];
            Require($"integratedEnterprises[{i}].name", e.Name);
            Require($"integratedEnterprises[{i}].relation", e.Relation);
            if (UsccCheck.Problem(e.Uscc) is { } problem)
            {
                problems[$"integratedEnterprises[{i}].uscc"] = problem;
            }
            else if (!codes.Add(e.Uscc!.Trim().ToUpperInvariant()))
            {
                problems[$"integratedEnterprises[{i}].uscc"] = ("applicant.usccTwice", "");
            }
        }

        return problems;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class TextRow
{
    public string? Text { get; set; }
}

public sealed class TargetRow
{
    public string? Stage { get; set; }

    public string? Indicator { get; set; }

    public decimal? TargetValue { get; set; }

    public string? Unit { get; set; }

    public DateOnly? DueOn { get; set; }
}

public sealed class FacilityRow
{
    public string? Kind { get; set; }

    public string? Description { get; set; }
}

public sealed class MilestoneRow
{
    public DateOnly? DueOn { get; set; }

    public string? Description { get; set; }
}

public sealed class MemberRow
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public bool FullTime { get; set; } = true;
}

public sealed class FundingRow
{
    public string? Category { get; set; }

    public string? AmountYuan { get; set; }
}

public sealed class EnterpriseRow
{
    public string? Name { get; set; }

    public string? Uscc { get; set; }

    public string? Relation { get; set; }
}

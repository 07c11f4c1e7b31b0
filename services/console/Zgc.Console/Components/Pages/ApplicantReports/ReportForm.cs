using System.Globalization;
using Zgc.Console.Api;
using Zgc.Console.Localization;

namespace Zgc.Console.Components.Pages.ApplicantReports;

/// <summary>
/// The annual report's indicators as typed: every figure is kept as the user's text (so nothing typed is lost on an
/// error), checked as typed, and turned into exact fen / whole counts only when every check passes.
/// </summary>
public sealed class ReportForm
{
    /// <summary>The single figures in the order the page shows them: the service's field name and whether it is an amount (yuan).</summary>
    public static IReadOnlyList<(string Field, bool Amount)> Figures { get; } =
    [
        ("rdExpenditure", true), ("revenue", true), ("smesDriven", false), ("drivenSmeRevenue", true), ("enterprisesServed", false),
        ("inventionPatentsFiled", false), ("inventionPatentsGranted", false), ("standardsCreated", false), ("majorBreakthroughs", false),
        ("outputValue", true),
    ];

    public Dictionary<string, string> Values { get; } = Figures.ToDictionary(f => f.Field, _ => "");

    public string Talent { get; set; } = "";

    public string Events { get; set; } = "";

    public List<InvestmentRow> Investments { get; } = [];

    public List<TargetRow> Targets { get; } = [];

    /// <summary>The form filled from what the service saved (or empty, for a report without a draft yet).</summary>
    public static ReportForm From(MyReportIndicators? saved)
    {
        var form = new ReportForm();
        if (saved is null)
        {
            return form;
        }

        form.Values["rdExpenditure"] = Yuan.Edit(saved.RdExpenditure);
        form.Values["revenue"] = Yuan.Edit(saved.Revenue);
        form.Values["smesDriven"] = Count(saved.SmesDriven);
        form.Values["drivenSmeRevenue"] = Yuan.Edit(saved.DrivenSmeRevenue);
        form.Values["enterprisesServed"] = Count(saved.EnterprisesServed);
        form.Values["inventionPatentsFiled"] = Count(saved.InventionPatentsFiled);
        form.Values["inventionPatentsGranted"] = Count(saved.InventionPatentsGranted);
        form.Values["standardsCreated"] = Count(saved.StandardsCreated);
        form.Values["majorBreakthroughs"] = Count(saved.MajorBreakthroughs);
        form.Values["outputValue"] = Yuan.Edit(saved.OutputValue);
        form.Talent = saved.Talent;
        form.Events = saved.Events;
        form.Investments.AddRange(saved.Investments.Select(i => new InvestmentRow { Category = i.Category, Total = Yuan.Edit(i.Total), SelfRaised = Yuan.Edit(i.SelfRaised) }));
        form.Targets.AddRange(saved.Targets.Select(t => new TargetRow { Name = t.Name, Target = Count(t.Target), Achieved = Count(t.Achieved) }));
        return form;
    }

    /// <summary>The text key of what is wrong with a single figure as typed; null when it is fine.</summary>
    public string? Check(string field)
    {
        var amount = Figures.First(f => f.Field == field).Amount;
        return amount ? AmountCheck(Values[field]) : CountCheck(Values[field]);
    }

    /// <summary>Money: yuan with at most two decimals, not negative (0 when there is nothing to report).</summary>
    public static string? AmountCheck(string text) =>
        string.IsNullOrWhiteSpace(text) ? "applicant.report.required" : Yuan.ToFen(text) is null ? "applicant.report.badAmount" : null;

    /// <summary>Counts: a whole number, not negative.</summary>
    public static string? CountCheck(string text) =>
        string.IsNullOrWhiteSpace(text) ? "applicant.report.required" : ParseCount(text) is null ? "applicant.report.badCount" : null;

    public static string? TargetCheck(string text) =>
        CountCheck(text) ?? (ParseCount(text) == 0 ? "applicant.report.badTarget" : null);

    public static string? NameCheck(string text) => string.IsNullOrWhiteSpace(text) ? "applicant.report.required" : TextCheck(text, 200);

    public static string? TextCheck(string text, int max) => text.Trim().Length > max ? "applicant.report.tooLong" : null;

    public static string? InvestmentCategoryCheck(IReadOnlyList<InvestmentRow> rows, int index) =>
        string.IsNullOrEmpty(rows[index].Category) ? "applicant.report.required"
        : rows.Take(index).Any(r => r.Category == rows[index].Category) ? "applicant.report.duplicateCategory" : null;

    public static string? SelfRaisedCheck(InvestmentRow row) =>
        AmountCheck(row.SelfRaised) ?? (Yuan.ToFen(row.Total) is { } total && Yuan.ToFen(row.SelfRaised) > total ? "applicant.report.selfRaisedAboveTotal" : null);

    /// <summary>True when every field passes its check (then <see cref="ToDraft"/> gives the request).</summary>
    public bool IsValid =>
        Figures.All(f => Check(f.Field) is null)
        && TextCheck(Talent, 4000) is null && TextCheck(Events, 4000) is null
        && Investments.Select((row, i) => InvestmentCategoryCheck(Investments, i) ?? AmountCheck(row.Total) ?? SelfRaisedCheck(row)).All(e => e is null)
        && Targets.All(t => NameCheck(t.Name) is null && TargetCheck(t.Target) is null && CountCheck(t.Achieved) is null);

    /// <summary>The draft request: amounts in exact fen, counts as integers. Only call when <see cref="IsValid"/>.</summary>
    public MyReportDraft ToDraft() => new(
        Fen("rdExpenditure"), Fen("revenue"), Int("smesDriven"), Fen("drivenSmeRevenue"), Int("enterprisesServed"), Int("inventionPatentsFiled"),
        Int("inventionPatentsGranted"), Int("standardsCreated"), Int("majorBreakthroughs"), Fen("outputValue"), Talent.Trim(), Events.Trim(),
        [.. Investments.Select(i => new MyReportInvestment(i.Category, Yuan.ToFen(i.Total)!.Value, Yuan.ToFen(i.SelfRaised)!.Value))],
        [.. Targets.Select(t => new MyReportTarget(t.Name.Trim(), ParseCount(t.Target)!.Value, ParseCount(t.Achieved)!.Value))]);

    private long Fen(string field) => Yuan.ToFen(Values[field])!.Value;

    private int Int(string field) => (int)ParseCount(Values[field])!.Value;

    /// <summary>Digits only (no sign, no decimals), within the range of the service's int fields.</summary>
    private static long? ParseCount(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);
}

public sealed class InvestmentRow
{
    public string Category { get; set; } = "";

    public string Total { get; set; } = "";

    public string SelfRaised { get; set; } = "";
}

public sealed class TargetRow
{
    public string Name { get; set; } = "";

    public string Target { get; set; } = "";

    public string Achieved { get; set; } = "";
}

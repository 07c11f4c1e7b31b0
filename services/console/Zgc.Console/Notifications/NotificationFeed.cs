using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Zgc.Console.Api;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Notifications;

/// <summary>
/// Works out a user's notifications from the services' APIs, read as that user, so a user only ever hears of what the
/// services let the user see. Nothing is stored: the console owns no data; what is current in the services is what is
/// notified. The same feed serves the in-app list and the e-mails (<see cref="NotificationMailer"/>).
/// </summary>
public static class NotificationFeed
{
    /// <summary>Reads a JSON resource as the user (a path relative to the API base, e.g. <c>intake/applications</c>).</summary>
    public delegate Task<ApiResult<JsonNode>> Reader(string relativePath, CancellationToken cancellationToken);

    public static async Task<NotificationList> For(ClaimsPrincipal user, Reader read, CancellationToken cancellationToken)
    {
        var items = new List<Notification>();
        var unreadable = new List<string>();

        // inbox: the page that lists all of them, named in a notification when the service answered a page of the list only.
        async Task From(string path, Func<JsonArray, IEnumerable<Notification>> map, string? inbox = null)
        {
            var result = await read(path, cancellationToken);
            if (result.Value is JsonArray array)
            {
                items.AddRange(map(array));
            }
            else if (result.Value is JsonObject { } page && page["items"] is JsonArray paged)
            {
                items.AddRange(map(paged));
                if (inbox is not null && page["total"] is JsonValue total && total.TryGetValue<int>(out var all) && all > paged.Count)
                {
                    // A page of the list, not all of it: say how many more there are rather than look complete.
                    items.Add(new Notification($"more:{path}:{all}", "more", $"另有 {all - paged.Count} 项未在此列出，请到待办页面查看。",
                        $"{all - paged.Count} more are not listed here: see the inbox.", inbox, null));
                }
            }
            else
            {
                unreadable.Add(path.Split('/', '?')[0]);
            }
        }

        if (user.IsInRole(Roles.Applicant))
        {
            await From("intake/applications?pageSize=100", ApplicantApplications, inbox: "applicant");
            await From("funding/agreements", ApplicantAgreements);
            await From("monitoring/reports?view=summary", ApplicantReports);
        }

        if (user.IsInRole(Roles.SubParkOfficer))
        {
            await From("intake/applications?status=Submitted&pageSize=100", a => Waiting(a, "subpark", "待受理申报", "application waiting for acceptance",
                r => $"subpark/applications/{Id(r)}"), inbox: "subpark");
        }

        if (user.IsInRole(Roles.Expert))
        {
            await From("review/assignments", ExpertAssignments);
        }

        if (user.IsInRole(Roles.FinanceApprover) || user.IsInRole(Roles.FinancePreparer))
        {
            await From("funding/runs", runs => FinanceRuns(runs, user.IsInRole(Roles.FinanceApprover), user.IsInRole(Roles.FinancePreparer)));
        }

        if (user.IsInRole(Roles.MonitoringOfficer))
        {
            // Only the submitted ones: the list is paged earliest due first, so at the programme's size a page of every
            // report would be filled by years long evaluated and the reports waiting now would not be on it.
            await From("monitoring/reports?status=Submitted&view=summary", SubmittedReports);
        }

        if (user.IsInRole(Roles.CommitteeOfficer) || user.IsInRole(Roles.Admin))
        {
            var incidents = await read("workflows/incidents", cancellationToken);
            if (incidents.Value is JsonObject view)
            {
                items.AddRange(Incidents(view));
            }
            else
            {
                unreadable.Add("workflows");
            }
        }

        return new NotificationList([.. items.OrderByDescending(i => i.At ?? DateTimeOffset.MinValue)], unreadable);
    }

    private static IEnumerable<Notification> ApplicantApplications(JsonArray applications)
    {
        foreach (var a in applications.OfType<JsonObject>())
        {
            var status = Str(a, "status");
            var name = Str(a, "platformName");
            var (zh, en) = status switch
            {
                "Returned" => ("已被分园退回补正，请修改后重新提交", "was returned for correction by the sub-park: correct it and submit again"),
                "Rejected" => ("未通过分园审核", "was rejected by the sub-park"),
                "Ineligible" => ("未通过资格审查，可修改后重新提交", "did not pass the eligibility screening: it can be corrected and submitted again"),
                "Accepted" => ("已被分园受理", "was accepted by the sub-park"),
                "PreliminaryReviewed" => ("已通过分园初审", "passed the sub-park's preliminary review"),
                "Recommended" => ("已由分园推荐至中关村管委会", "was recommended to the ZGC Committee"),
                _ => ((string?)null, (string?)null),
            };
            if (zh is not null)
            {
                yield return new Notification($"application:{Id(a)}:{status}", "application", $"申报“{name}”{zh}。", $"The application “{name}” {en}.",
                    $"applicant/applications/{Id(a)}", Time(a, "submittedAt") ?? Time(a, "createdAt"));
            }
        }
    }

    private static IEnumerable<Notification> ApplicantAgreements(JsonArray agreements) =>
        agreements.OfType<JsonObject>().Where(a => Str(a, "status") == "Draft" && a["signedAt"] is null).Select(a => new Notification(
            $"agreement:{Id(a)}:{Str(a, "status")}:{Str(a, "termsVersion")}", "agreement",
            $"平台“{Str(a, "platformName")}”的建设协议待签署。", $"The agreement of “{Str(a, "platformName")}” waits for signatures.",
            $"applicant/agreements/{Id(a)}", null));

    private static IEnumerable<Notification> ApplicantReports(JsonArray reports) =>
        reports.OfType<JsonObject>().Where(r => Str(r, "status") is "Open" or "Overdue").Select(r =>
        {
            var overdue = Str(r, "status") == "Overdue";
            var year = Str(r, "constructionYear");
            var due = Str(r, "dueOn");
            return new Notification($"report:{Id(r)}:{Str(r, "status")}", "report",
                overdue ? $"第{year}建设年度的年度报告已逾期（应于 {due} 前提交）。" : $"第{year}建设年度的年度报告请于 {due} 前提交。",
                overdue ? $"The annual report for construction year {year} is overdue (due on {due})." : $"The annual report for construction year {year} is due on {due}.",
                $"applicant/reports/{Id(r)}", Time(r, "openedAt"));
        });

    private static IEnumerable<Notification> ExpertAssignments(JsonArray assignments) =>
        assignments.OfType<JsonObject>().Where(a => Str(a, "status") is "Assigned" or "Declared").Select(a => new Notification(
            $"assignment:{Str(a, "panelId")}:{Str(a, "status")}", "assignment",
            Str(a, "status") == "Assigned" ? $"请对“{Str(a, "platformName")}”作回避声明并评分。" : $"请对“{Str(a, "platformName")}”评分。",
            Str(a, "status") == "Assigned" ? $"Declare any conflict and score “{Str(a, "platformName")}”." : $"Score “{Str(a, "platformName")}”.",
            $"expert/assignments/{Str(a, "panelId")}", Time(a, "declaredAt")));

    private static IEnumerable<Notification> FinanceRuns(JsonArray runs, bool approver, bool preparer)
    {
        foreach (var r in runs.OfType<JsonObject>())
        {
            var status = Str(r, "status");
            var year = Str(r, "fiscalYear");
            if (approver && status == "Submitted")
            {
                yield return new Notification($"run:{Id(r)}:{status}", "run", $"{year} 年度拨付批次待审核。", $"The {year} disbursement run waits for approval.",
                    $"finance/runs/{Id(r)}", Time(r, "submittedAt"));
            }

            if (preparer && status == "Approved")
            {
                yield return new Notification($"run:{Id(r)}:{status}", "run", $"{year} 年度拨付批次已审核，待登记付款。", $"The {year} disbursement run was approved: record the payments.",
                    $"finance/runs/{Id(r)}", Time(r, "decidedAt"));
            }
        }
    }

    private static IEnumerable<Notification> SubmittedReports(JsonArray reports) =>
        reports.OfType<JsonObject>().Where(r => Str(r, "status") == "Submitted").Select(r => new Notification(
            $"report:{Id(r)}:Submitted", "report", $"第{Str(r, "constructionYear")}建设年度的年度报告已提交，待评估。",
            $"An annual report for construction year {Str(r, "constructionYear")} was submitted and waits for evaluation.", "monitoring", Time(r, "submittedAt")));

    private static IEnumerable<Notification> Waiting(JsonArray rows, string kind, string zh, string en, Func<JsonObject, string> link) =>
        rows.OfType<JsonObject>().Select(r => new Notification($"{kind}:{Id(r)}:{Str(r, "status")}", kind, $"{zh}：{Str(r, "platformName")}",
            $"An {en}: {Str(r, "platformName")}", link(r), Time(r, "submittedAt")));

    private static IEnumerable<Notification> Incidents(JsonObject view)
    {
        foreach (var s in (view["stalled"] as JsonArray ?? []).OfType<JsonObject>())
        {
            yield return new Notification($"stalled:{Id(s)}:{Str(s, "currentState")}", "stalled", $"“{Str(s, "platformName")}”在当前状态停留过久。",
                $"“{Str(s, "platformName")}” has waited too long in its state.", $"workflows/{Id(s)}", Time(s, "updatedAt"));
        }

        foreach (var service in (view["services"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var count = (service["faults"] as JsonArray)?.Count ?? 0;
            if (count > 0)
            {
                yield return new Notification($"faults:{Str(service, "service")}:{count}", "incident", $"{Str(service, "service")} 服务有 {count} 条故障消息。",
                    $"{count} faulted messages in the {Str(service, "service")} service.", "dashboard", null);
            }
        }
    }

    private static string Id(JsonObject o) => Str(o, "id");

    private static string Str(JsonObject o, string name) => o[name] is JsonValue v ? v.ToString() : "";

    private static DateTimeOffset? Time(JsonObject o, string name) =>
        o[name] is JsonValue v && DateTimeOffset.TryParse(v.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}

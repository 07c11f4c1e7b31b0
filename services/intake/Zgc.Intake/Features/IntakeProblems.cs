using Zgc.Intake.Domain;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features;

/// <summary>
/// Intake's own problem answers, on top of the shared ones: several field errors in one 400 (each field with its rule,
/// in both languages), and a 409 for a transition not allowed that names the current status.
/// </summary>
internal static class IntakeProblems
{
    public static RouteGroupBuilder WithIntakeProblems(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (FieldErrorsException e)
            {
                return FieldErrors(e.Errors);
            }
            catch (StatusConflictException e)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the current state.",
                    detail: e.MessageEn, type: RuleProblem.TypeBase + e.Rule, extensions: new Dictionary<string, object?>
                    {
                        ["rule"] = e.Rule,
                        ["field"] = e.Field,
                        ["detailZh"] = e.MessageZh,
                        ["currentStatus"] = e.CurrentStatus.ToString(),
                    });
            }
        });
        return group;
    }

    public static IResult FieldErrors(IReadOnlyList<FieldError> errors)
    {
        var first = errors[0];
        return TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => $"{e.Rule}: {e.MessageEn} {e.MessageZh}").ToArray()),
            detail: errors.Count == 1 ? first.MessageEn : $"{errors.Count} fields break rules; the first: {first.Field}: {first.MessageEn}",
            type: RuleProblem.TypeBase + first.Rule,
            extensions: new Dictionary<string, object?>
            {
                ["rule"] = first.Rule,
                ["field"] = first.Field,
                ["detailZh"] = first.MessageZh,
                ["violations"] = errors.Select(e => new { field = e.Field, rule = e.Rule, detail = e.MessageEn, detailZh = e.MessageZh }).ToList(),
            });
    }

    public static RuleViolationException Debarred(Debarment debarment) => new("unit", Debarment.Rule,
        $"The unit {debarment.UnitUscc} is debarred (decision {debarment.DecisionReference}: {debarment.Reason}); its applications are not accepted.",
        $"单位{debarment.UnitUscc}已被取消申报资格（决定 {debarment.DecisionReference}：{debarment.Reason}），不再受理其申请。",
        StatusCodes.Status403Forbidden);

    public static RuleViolationException NoUnit() => new("unit", "R-A13-APPLY",
        "The signed-in applicant is not linked to a unit.", "当前申请人账号未关联申报单位。");

    public static RuleViolationException UnitNotRegistered(string uscc) => new("unit", "R-A13-APPLY",
        $"Register the unit {uscc} first (PUT /intake/units/mine): an application carries the unit's basic information.",
        $"请先登记申报单位{uscc}的基本情况（PUT /intake/units/mine）。");
}

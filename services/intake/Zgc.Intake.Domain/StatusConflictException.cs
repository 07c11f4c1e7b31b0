using Zgc.SharedKernel;

namespace Zgc.Intake.Domain;

/// <summary>An action is not allowed from the application's current status (HTTP 409, naming that status).</summary>
public sealed class StatusConflictException : RuleViolationException
{
    public StatusConflictException(ApplicationStatus current, string action, string actionZh, IReadOnlyList<ApplicationStatus> allowedFrom, string rule)
        : base("status", rule,
            $"The application is {current}; it can be {action} only when {string.Join(" or ", allowedFrom)}.",
            $"申请当前状态为{ZhName(current)}，只有在{string.Join("或", allowedFrom.Select(ZhName))}状态下才能{actionZh}。",
            ConflictStatus)
    {
        CurrentStatus = current;
    }

    public StatusConflictException()
    {
    }

    public StatusConflictException(string message)
        : base(message)
    {
    }

    public StatusConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApplicationStatus CurrentStatus { get; }

    public static string ZhName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.Submitted => "已提交",
        ApplicationStatus.Ineligible => "不符合条件",
        ApplicationStatus.Accepted => "已受理",
        ApplicationStatus.PreliminaryReviewed => "已初审",
        ApplicationStatus.Recommended => "已推荐",
        ApplicationStatus.Returned => "退回补正",
        ApplicationStatus.Rejected => "不予推荐",
        _ => status.ToString(),
    };
}

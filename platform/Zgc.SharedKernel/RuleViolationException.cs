namespace Zgc.SharedKernel;

/// <summary>
/// The domain's way of saying "this input or this action breaks rule X". It names the field (when one field is
/// at fault), the rule (a requirement ID such as <c>R-A7-INVEST</c>, or a short rule code of the system) and
/// says why in English and Chinese, so that the hosts can turn it into a ProblemDetails response the applicant
/// can act on, without the domain knowing about HTTP beyond the two status codes below.
/// </summary>
public class RuleViolationException : Exception
{
    /// <summary>The input itself is invalid (HTTP 400).</summary>
    public const int BadRequestStatus = 400;

    /// <summary>The input is valid but conflicts with the current state, e.g. deciding a case twice (HTTP 409).</summary>
    public const int ConflictStatus = 409;

    /// <param name="field">The offending input field (camelCase, as in the API), or null when no single field is at fault.</param>
    /// <param name="rule">The requirement ID or rule code that is broken.</param>
    /// <param name="messageEn">Why, in English; also the exception's <see cref="Exception.Message"/>.</param>
    /// <param name="messageZh">Why, in Chinese.</param>
    /// <param name="statusCode"><see cref="BadRequestStatus"/> or <see cref="ConflictStatus"/>.</param>
    public RuleViolationException(string? field, string rule, string messageEn, string messageZh, int statusCode = BadRequestStatus)
        : base(messageEn)
    {
        Field = field;
        Rule = rule;
        MessageEn = messageEn;
        MessageZh = messageZh;
        StatusCode = statusCode;
    }

    public RuleViolationException()
        : this(null, UnspecifiedRule, "The request breaks a rule.", "请求违反了规则。")
    {
    }

    public RuleViolationException(string message)
        : this(null, UnspecifiedRule, message, message)
    {
    }

    public RuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = UnspecifiedRule;
        MessageEn = message;
        MessageZh = message;
        StatusCode = BadRequestStatus;
    }

    private const string UnspecifiedRule = "unspecified";

    public string? Field { get; }

    public string Rule { get; }

    public string MessageEn { get; }

    public string MessageZh { get; }

    /// <summary><see cref="BadRequestStatus"/> for invalid input, <see cref="ConflictStatus"/> for a conflict with the current state.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// The same violation, found in item <paramref name="index"/> of the request's list <paramref name="list"/>: the field
    /// becomes <c>list[index].field</c> (or <c>list[index]</c>) and the messages say which item, so a caller of a batch
    /// endpoint knows which of its entries to fix.
    /// </summary>
    public RuleViolationException ForItem(string list, int index)
    {
        var item = $"{list}[{index}]";
        return new RuleViolationException(Field is null ? item : $"{item}.{Field}", Rule, $"{item}: {MessageEn}", $"{item}：{MessageZh}", StatusCode);
    }
}

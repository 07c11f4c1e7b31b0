using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zgc.SharedKernel;

namespace Zgc.ServiceDefaults;

/// <summary>
/// Turns broken rules and unreadable requests into 400 ProblemDetails that name the field and the rule,
/// in English and Chinese, instead of a 500 (DESIGN.md, Input).
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RuleViolationException rule => Problem(rule.StatusCode, rule.Rule, rule.MessageEn, rule.MessageZh, rule.Field),
            TaxonomyException taxonomy => Problem(StatusCodes.Status400BadRequest, taxonomy.Rule, taxonomy.MessageEn, taxonomy.MessageZh, taxonomy.Field),
            BadHttpRequestException bad => BindingFailure.Field(bad) is { } field
                ? Problem(bad.StatusCode, "request-format", bad.Message, $"请求格式不正确：{field} 的值无法识别", field)
                : Problem(bad.StatusCode, "request-format", bad.Message, "请求格式不正确", null),
            // A body read by hand rather than bound: a form or multipart body the reader cannot parse (InvalidDataException),
            // JSON that does not parse or fit (JsonException). Either way the request, not the server, is at fault.
            InvalidDataException unreadable => Problem(StatusCodes.Status400BadRequest, "request-format", unreadable.Message, "请求格式不正确", null),
            System.Text.Json.JsonException json => Problem(StatusCodes.Status400BadRequest, "request-format", json.Message, "请求格式不正确", json.Path),
            // Another request changed (or created) the same record first: nothing of this one was stored; retry after reloading.
            DbUpdateException => Problem(StatusCodes.Status409Conflict, "concurrent-change",
                "The record was changed by another request at the same time; nothing was saved. Reload and try again.",
                "该记录已被其他操作同时修改，本次未保存，请刷新后重试。", null),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string rule, string messageEn, string? messageZh, string? field) =>
        RuleProblem.Create(status, rule,
            status == StatusCodes.Status409Conflict ? "The request conflicts with the current state." : "The request breaks a rule.",
            messageEn, messageZh, field);
}

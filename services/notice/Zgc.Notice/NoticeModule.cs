using Zgc.Audit;
using Zgc.Messaging;
using Zgc.Notice.Calendar;
using Zgc.Notice.Features;
using Zgc.Notice.Features.Evidence;
using Zgc.Notice.Features.Pages;
using Zgc.Notice.Persistence;
using Zgc.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Notice;

/// <summary>The one list of everything the notice service registers and maps.</summary>
public static class NoticeModule
{
    public const string Name = "notice";

    public static IHostApplicationBuilder AddNotice(this IHostApplicationBuilder builder)
    {
        // Timers carry what they concern as their correlation id, so GET /notice/timers (and the console's platform page) can
        // tell which notice a pending close belongs to.
        MassTransit.MessageCorrelation.UseCorrelationId<Contracts.CloseNotice>(m => m.NoticeId);
        builder.Services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section)
            .Validate(o => o.WorkingDays >= Domain.NoticePeriodPolicy.MinimumWorkingDays, "Notice:WorkingDays is at least 5 (R-A13-NOTICE).")
            .Validate(o => o.CloseSweepSize >= 1, "Notice:CloseSweepSize is at least 1 (the close timers one sweep takes).")
            .ValidateOnStart();
        builder.AddServiceDatabase<NoticeDbContext, SqliteNoticeDbContext, PostgresNoticeDbContext, SqlServerNoticeDbContext>("Notice");
        builder.AddAudit(Name);
        builder.Services.AddHostedService<CalendarSeeder>();
        builder.Services.AddSingleton<CalendarCache>();
        builder.Services.AddSingleton<CloseSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CloseSweeper>());
        builder.AddServiceMessaging<NoticeDbContext>(Name, m => m.AddConsumer<PublishNoticeConsumer>().AddConsumer<CloseNoticeConsumer>());
        builder.AddNoticeGauges();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, ObjectionRateLimitPolicy>(PublicNotices.ObjectionRateLimit);
        });
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton<EvidenceFolder>();
        builder.Services.AddSingleton<EvidenceIntake>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotice(this IEndpointRouteBuilder app)
    {
        var notice = app.MapGroup("/" + Name).WithTags("Notice").RequireAuthorization();
        PublicNotices.Map(notice);
        NoticePages.Map(notice);
        NoticeFeed.Map(notice);
        EvidenceEndpoints.Map(notice);
        OfficerNotices.Map(notice);
        CalendarEndpoints.Map(notice);
        notice.MapMessagingOperations<NoticeDbContext>(Name).RequireOperators();
        app.MapAudit(Name);
        return app;
    }
}

using Zgc.Messaging;
using Zgc.Notice.Features;
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
        builder.AddServiceDatabase<NoticeDbContext, SqliteNoticeDbContext, PostgresNoticeDbContext, SqlServerNoticeDbContext>("Notice");
        builder.AddServiceMessaging<NoticeDbContext>(Name, m => m.AddConsumer<PublishNoticeConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapNotice(this IEndpointRouteBuilder app)
    {
        var notice = app.MapGroup("/" + Name).WithTags("Notice").RequireAuthorization();
        PublicNotices.Map(notice);
        notice.MapMessagingOperations<NoticeDbContext>(Name).RequireOperators();
        return app;
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Zgc.Console.Api;
using Zgc.Console.Auth;

namespace Zgc.Console.Notifications;

/// <summary>
/// E-mails each recipient's new notifications through SMTP (<c>Console:Smtp</c>), when a host is configured. Every
/// <see cref="SmtpOptions.Interval"/> it reads each recipient's notifications as that user (a token the console issues
/// for its own users, as at sign-in) and sends one message with the ones not mailed before. What was mailed is kept in
/// <see cref="SmtpOptions.SentFile"/>, so a restart repeats nothing; a failed send is tried again next time.
/// </summary>
internal sealed partial class NotificationMailer(
    IOptionsMonitor<ConsoleOptions> options, ConsoleUsers users, ConsoleSignIn signIn, IHttpClientFactory clients, ApiBaseAddress apiBase,
    IConfiguration configuration, ILogger<NotificationMailer> logger) : BackgroundService
{
    private readonly HashSet<string> _sent = [];
    private bool _loaded;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var smtp = options.CurrentValue.Smtp;
            // Real time, not the programme's clock: mail is about people's attention, even on a simulated clock.
            try
            {
                await Task.Delay(smtp.Interval > TimeSpan.Zero ? smtp.Interval : TimeSpan.FromMinutes(1), stoppingToken);
                if (!string.IsNullOrWhiteSpace(smtp.Host))
                {
                    await MailEveryone(smtp, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or HttpRequestException or SmtpCommandException or SmtpProtocolException or AuthenticationException
                or SslHandshakeException or System.Net.Sockets.SocketException)
            {
                LogRoundFailed(e);
            }
        }
    }

    /// <summary>One round: every recipient's unsent notifications, one message each.</summary>
    internal async Task MailEveryone(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        LoadSent(smtp);
        foreach (var user in users.All)
        {
            var address = user.Email ?? smtp.Recipients.GetValueOrDefault(user.UserName);
            if (string.IsNullOrWhiteSpace(address))
            {
                continue;
            }

            var token = signIn.IssueToken(user);
            var list = await NotificationFeed.For(signIn.Principal(user, token), (path, ct) => Read(token, path, ct), cancellationToken);
            var fresh = list.Items.Where(i => !_sent.Contains(ReadMarks.Mark(i.Key))).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            await Send(smtp, user, address, fresh, cancellationToken);
            foreach (var item in fresh)
            {
                _sent.Add(ReadMarks.Mark(item.Key));
            }

            await File.AppendAllLinesAsync(SentFile(smtp), fresh.Select(i => ReadMarks.Mark(i.Key)), cancellationToken);
            LogMailed(fresh.Count, user.UserName);
        }
    }

    private async Task Send(SmtpOptions smtp, ConsoleUser user, string address, List<Notification> items, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(user.DisplayName, address));
        message.Subject = $"【中关村创新平台】{items.Count} 条新通知 / {items.Count} new notification{(items.Count == 1 ? "" : "s")}";
        var body = new StringBuilder();
        body.AppendLine($"{user.DisplayName}：").AppendLine();
        foreach (var item in items)
        {
            body.AppendLine("• " + item.TextZh).AppendLine("  " + item.TextEn).AppendLine();
        }

        body.AppendLine("请登录运营控制台查看并办理。 / Sign in to the console to see and act on them.");
        message.Body = new TextPart("plain") { Text = body.ToString() };

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task<ApiResult<JsonNode>> Read(string token, string relativePath, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ConsoleModule.ApiClientName);
        var baseAddress = client.BaseAddress ?? apiBase.Resolve();
        if (baseAddress is null)
        {
            return ApiResult<JsonNode>.Fail(new ApiError(ApiErrorKind.Unreachable));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, relativePath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ApiResult<JsonNode>.Fail(new ApiError(ApiErrorKind.ServerError, response.StatusCode));
        }

        var node = await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return node is null ? ApiResult<JsonNode>.Fail(new ApiError(ApiErrorKind.BadResponse)) : ApiResult<JsonNode>.Ok(node);
    }

    private void LoadSent(SmtpOptions smtp)
    {
        if (_loaded)
        {
            return;
        }

        var file = SentFile(smtp);
        if (File.Exists(file))
        {
            _sent.UnionWith(File.ReadAllLines(file).Where(l => l.Length > 0));
        }

        _loaded = true;
    }

    private string SentFile(SmtpOptions smtp)
    {
        var file = smtp.SentFile ?? Path.Combine(configuration["Database:DataDirectory"] is { Length: > 0 } dir ? dir : Path.GetTempPath(), "notifications-mailed.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        return file;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailed {Count} notifications to {User}")]
    private partial void LogMailed(int count, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of notification e-mails failed; it is tried again next interval")]
    private partial void LogRoundFailed(Exception e);
}

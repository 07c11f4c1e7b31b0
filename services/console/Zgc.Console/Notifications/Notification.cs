namespace Zgc.Console.Notifications;

/// <summary>
/// Something that needs the user's attention or happened to the user's work: a decision on an application, a return for
/// correction, a report due, a task waiting. <see cref="Key"/> is stable for as long as the matter stays the same (it
/// includes the status), so "read" and "already e-mailed" can be remembered by key.
/// </summary>
public sealed record Notification(string Key, string Kind, string TextZh, string TextEn, string Link, DateTimeOffset? At)
{
    public string Text(bool english) => english ? TextEn : TextZh;
}

/// <summary>The user's notifications, and the services that could not be read (so the list may be incomplete).</summary>
public sealed record NotificationList(IReadOnlyList<Notification> Items, IReadOnlyList<string> Unreadable);

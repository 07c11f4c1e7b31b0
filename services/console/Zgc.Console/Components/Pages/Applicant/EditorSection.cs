using Microsoft.AspNetCore.Components;
using Zgc.Console.Api;

namespace Zgc.Console.Components.Pages.Applicant;

/// <summary>
/// One section of the application editor: it edits the shared <see cref="ApplicationForm"/> in place, shows the page's
/// own checks (<see cref="Local"/>) and the service's field errors (<see cref="Error"/>) under each input, and tells the
/// page when a field was edited (<see cref="Touched"/>), so that the page re-checks and re-renders.
/// </summary>
public abstract class EditorSection : ConsoleComponentBase
{
    [Parameter, EditorRequired]
    public ApplicationForm Form { get; set; } = new();

    [Parameter]
    public ApiError? Error { get; set; }

    /// <summary>The page's own word on a field (null when it passes or is not to be shown yet).</summary>
    [Parameter, EditorRequired]
    public Func<string, string?> Local { get; set; } = _ => null;

    [Parameter, EditorRequired]
    public EventCallback<string> Touch { get; set; }

    protected Task Touched(string field) => Touch.InvokeAsync(field);
}

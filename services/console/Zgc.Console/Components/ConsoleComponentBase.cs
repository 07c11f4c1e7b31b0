using Microsoft.AspNetCore.Components;
using Zgc.Console.Localization;

namespace Zgc.Console.Components;

/// <summary>A console component: it has the texts of the user's language as <see cref="T"/>.</summary>
public abstract class ConsoleComponentBase : ComponentBase
{
    [CascadingParameter]
    protected UiText T { get; set; } = UiText.Chinese;
}

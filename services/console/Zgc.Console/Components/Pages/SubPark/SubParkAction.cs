using Zgc.Console.Api;

namespace Zgc.Console.Components.SubParkPages;

/// <summary>One of the officer's actions as the actions panel asks the page to run it: which form, and the call.</summary>
public sealed record SubParkAction(string Form, Func<ZgcApi, Guid, CancellationToken, Task<ApiResult<ApplicationDetail>>> Call);

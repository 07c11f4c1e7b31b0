namespace Zgc.Funding;

/// <summary>Options of the funding service (section <c>Funding</c>).</summary>
public sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>
    /// When true, a passed evaluation awards the next year at its cap at once (e.g. for demonstrations); by default the
    /// committee decides each later-year award, which may be lower than the cap (Art. 10 "最高不超过").
    /// </summary>
    public bool LaterYearAwardAtCap { get; set; }

    /// <summary>How many platform-years a disbursement run gathers per transaction (progress is reported after each).</summary>
    public int GatherBatchSize { get; set; } = 100;

    /// <summary>
    /// How many entries of a batch of run decisions or payments are applied and saved together inside the batch's one
    /// transaction (the request holds one such chunk's entities at a time; the batch stays all or nothing).
    /// </summary>
    public int BatchChunkSize { get; set; } = 100;
}

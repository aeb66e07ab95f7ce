namespace Reportc.Model;

/// <summary>The previous year's report a report names, as far as this year's needs it: its metrics.</summary>
public sealed record PreviousYear(string Path, int Year, IReadOnlyList<MetricValue> Metrics);

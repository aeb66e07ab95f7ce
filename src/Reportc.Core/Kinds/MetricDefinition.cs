namespace Reportc.Kinds;

/// <summary>A metric known to a report kind: its id, Chinese label and unit.</summary>
public sealed record MetricDefinition(string Id, string Label, string? Unit, bool Required = false);

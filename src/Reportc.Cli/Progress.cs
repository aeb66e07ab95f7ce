namespace Reportc.Cli;

/// <summary>A live counter on a terminal ("[ 37/1000] reports/x.yaml"); nothing when the output is a log.</summary>
internal sealed class Progress(TextWriter error, int total, bool enabled)
{
    private readonly bool _live = enabled && total > 1 && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private int _done;
    private int _width;

    public void Step(string file)
    {
        _done++;
        if (_live)
        {
            var line = $"[{_done.ToString().PadLeft(total.ToString().Length)}/{total}] {file}";
            error.Write("\r" + line + new string(' ', Math.Max(0, _width - line.Length)));
            _width = line.Length;
        }
    }

    public void Clear()
    {
        if (_live && _width > 0)
        {
            error.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }
}

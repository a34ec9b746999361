using System.Diagnostics;

namespace Verzuim.Hotspot.Import;

/// <summary>Shows how far an import has read the file, once a second, on one rewritten line of standard error.</summary>
internal sealed class ImportProgress : IProgress<long>, IDisposable
{
    private readonly FileStream _file;
    private readonly Stopwatch _clock;
    private readonly Timer _timer;
    private long _rows;

    public ImportProgress(FileStream file, Stopwatch clock)
    {
        (_file, _clock) = (file, clock);
        _timer = new Timer(_ => Show(), null, 1000, 1000);
    }

    public void Report(long value) => Interlocked.Exchange(ref _rows, value);

    public void Finish()
    {
        _timer.Dispose();
        Show();
        Console.Error.WriteLine();
    }

    public void Dispose() => _timer.Dispose();

    private void Show()
    {
        var rows = Interlocked.Read(ref _rows);
        // Position is read from another thread: a rough figure is all a progress line needs.
        var fraction = _file.Length > 0 ? (double)_file.Position / _file.Length : 1;
        Console.Error.Write($"\r  {fraction,6:P0} of {_file.Length / 1e6:F1} MB read, {rows:N0} rows, {rows / Math.Max(_clock.Elapsed.TotalSeconds, 0.001):N0} rows/s   ");
    }
}

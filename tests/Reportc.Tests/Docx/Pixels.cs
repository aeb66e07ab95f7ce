namespace Reportc.Tests.Docx;

/// <summary>A page of a PDF as pixels (pdftoppm, binary PPM), one pixel a point at 72 dpi.</summary>
internal sealed class Pixels
{
    private readonly byte[] _data;
    private readonly int _offset;

    private Pixels(byte[] data, int offset, int width, int height)
    {
        _data = data;
        _offset = offset;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public static Pixels Render(string pdf, int page, int dpi)
    {
        var folder = TestPaths.NewTempFolder();
        var prefix = Path.Combine(folder, "p");
        Pdf.PdfText.Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, prefix);
        var data = File.ReadAllBytes(prefix + ".ppm");

        // "P6\n<width> <height>\n255\n" then RGB bytes.
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)data[i]))
            {
                i++;
            }

            var start = i;
            while (!char.IsWhiteSpace((char)data[i]))
            {
                i++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(data, start, i - start));
        }

        return new Pixels(data, i + 1, int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    public bool IsRed(int x, int y)
    {
        var p = _offset + (((y * Width) + x) * 3);
        return _data[p] > 180 && _data[p + 1] < 100 && _data[p + 2] < 100;
    }

    public bool IsDark(int x, int y)
    {
        var p = _offset + (((y * Width) + x) * 3);
        return _data[p] < 110 && _data[p + 1] < 110 && _data[p + 2] < 110;
    }
}

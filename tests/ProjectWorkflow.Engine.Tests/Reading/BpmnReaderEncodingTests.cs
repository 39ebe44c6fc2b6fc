using System.Text;
using ProjectWorkflow.Engine.Reading;

namespace ProjectWorkflow.Engine.Tests.Reading;

/// <summary>The file's own declaration decides how its bytes are read, including Chinese code pages.</summary>
public class BpmnReaderEncodingTests
{
    static BpmnReaderEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string ChineseProcess(string encoding) => $"""
        <?xml version="1.0" encoding="{encoding}"?>
        <bpmn:definitions xmlns:bpmn="{BpmnSamples.ModelNamespace}" id="Defs">
          <bpmn:process id="TechUpgrade" name="技术改造专项" isExecutable="true">
            <bpmn:startEvent id="Start" name="申请" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" name="区级初审" />
            <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" name="结束" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public void Reads_a_UTF16_file_with_a_byte_order_mark()
    {
        var text = ChineseProcess("UTF-16");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var result = BpmnReader.Read(bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("区级初审", result.Document!.Processes[0].Node("Review").Name);
        Assert.Equal(text, result.Xml);
    }

    [Fact]
    public void Reads_a_big_endian_UTF16_file_without_a_byte_order_mark()
    {
        var text = ChineseProcess("UTF-16");
        var bytes = Encoding.BigEndianUnicode.GetBytes(text);

        var result = BpmnReader.Read(bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("技术改造专项", result.Document!.Processes[0].Name);
        Assert.Equal(text, result.Xml);
    }

    [Theory]
    [InlineData("GB2312")]
    [InlineData("GBK")]
    [InlineData("GB18030")]
    public void Reads_a_file_in_a_declared_Chinese_code_page(string encoding)
    {
        var text = ChineseProcess(encoding);
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);

        var result = BpmnReader.Read(bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("区级初审", result.Document!.Processes[0].Node("Review").Name);
        Assert.Equal("结束", result.Document.Processes[0].Node("End").Name);
        Assert.Equal(text, result.Xml);
    }

    [Fact]
    public void Reads_UTF8_with_a_byte_order_mark_and_keeps_the_text_without_it()
    {
        var text = ChineseProcess("UTF-8");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var result = BpmnReader.Read(bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(text, result.Xml);
    }

    [Fact]
    public void Reads_a_file_without_a_declaration_as_UTF8()
    {
        var text = ChineseProcess("UTF-8");
        text = text[(text.IndexOf('\n') + 1)..];

        var result = BpmnReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("申请", result.Document!.Processes[0].Node("Start").Name);
    }

    [Fact]
    public void An_encoding_dotnet_does_not_know_is_a_problem_not_an_exception()
    {
        var text = ChineseProcess("x-klingon-1");

        var result = BpmnReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Document);
        Assert.Contains("klingon", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Bytes_that_do_not_fit_the_declared_encoding_are_a_problem_not_an_exception()
    {
        var text = ChineseProcess("UTF-8");
        var bytes = Encoding.GetEncoding("GB2312").GetBytes(text);

        var result = BpmnReader.Read(bytes);

        Assert.Null(result.Document);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Text_already_decoded_is_read_as_is()
    {
        var text = ChineseProcess("GB2312");

        var result = BpmnReader.Read(text);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(text, result.Xml);
    }

    [Fact]
    public void A_stream_is_read_like_its_bytes()
    {
        var bytes = Encoding.GetEncoding("GBK").GetBytes(ChineseProcess("GBK"));

        var result = BpmnReader.Read(new MemoryStream(bytes));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("区级初审", result.Document!.Processes[0].Node("Review").Name);
    }
}

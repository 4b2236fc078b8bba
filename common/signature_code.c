/* signature_code.c - function signatures: starters, the harness around the code, messages */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "signature.h"

/*
 * The harness of each language, as text: "@FN@" is the function, "@FD@"
 * SIG_RESULT_FD, "@READ@" the statements (or expressions) that read the
 * params, "@ARGS@" the arguments, "@WRITE@" the writer of the result,
 * "@RET@" its type (base, dims), "@PARAMS@" the param names and "@ARRAYS@"
 * the array helpers, made from the *_arrays texts with "@T@" the element
 * type and "@N@" its name.
 */

/* Python: after the code, at column 0; builtins through their module, which the
 * code may shadow */
static const char py_harness_text[] =
	"\n"
	"\n"
	"def _ce_main():\n"
	"    import builtins as _b, os as _os, sys as _sys\n"
	"    _name = \"@FN@\"\n"
	"    _data = _sys.stdin.buffer.read()\n"
	"    _pos = 0\n"
	"    _out = []\n"
	"\n"
	"    def _tok():\n"
	"        nonlocal _pos\n"
	"        _end = _data.index(b\"\\n\", _pos)\n"
	"        _t = _data[_pos:_end]\n"
	"        _pos = _end + 1\n"
	"        return _t\n"
	"\n"
	"    def _str():\n"
	"        nonlocal _pos\n"
	"        _n = _b.int(_tok())\n"
	"        _s = _data[_pos:_pos + _n].decode(\"utf-8\")\n"
	"        _pos += _n + 1\n"
	"        return _s\n"
	"\n"
	"    _scalars = (lambda: _b.int(_tok()), lambda: _b.float(_tok()),\n"
	"                lambda: _tok() == b\"1\", _str)\n"
	"\n"
	"    def _read(_base, _dims):\n"
	"        if _dims:\n"
	"            return [_read(_base, _dims - 1) for _i in _b.range(_b.int(_tok()))]\n"
	"        return _scalars[_base]()\n"
	"\n"
	"    def _bad(_path, _want, _v):\n"
	"        _at = \"\".join(\"[%d]\" % _i for _i in _path)\n"
	"        _sys.stdout.flush()\n"
	"        _sys.stderr.write(\"%s returned %s (%s)%s where %s was expected\\n\" % (\n"
	"            _name, _b.repr(_v)[:60], _b.type(_v).__name__, \" at \" + _at if _at else \"\",\n"
	"            _want))\n"
	"        _sys.exit(1)\n"
	"\n"
	"    def _put(_v, _base, _dims, _path):\n"
	"        if _dims or _base == 3:\n"
	"            if _v is None:\n"
	"                _out.append(b\"-1\\n\")\n"
	"                return\n"
	"        if _dims:\n"
	"            if not _b.isinstance(_v, (_b.list, _b.tuple)):\n"
	"                _bad(_path, \"a list\", _v)\n"
	"            _out.append(b\"%d\\n\" % _b.len(_v))\n"
	"            for _i, _x in _b.enumerate(_v):\n"
	"                _put(_x, _base, _dims - 1, _path + (_i,))\n"
	"        elif _base == 0:\n"
	"            if not _b.isinstance(_v, _b.int) or not -2**63 <= _v < 2**63:\n"
	"                _bad(_path, \"an int (64-bit)\", _v)\n"
	"            _out.append(b\"%d\\n\" % _v)\n"
	"        elif _base == 1:\n"
	"            if not _b.isinstance(_v, (_b.int, _b.float)):\n"
	"                _bad(_path, \"a float\", _v)\n"
	"            _out.append(_b.repr(_b.float(_v)).encode() + b\"\\n\")\n"
	"        elif _base == 2:\n"
	"            if not (_b.isinstance(_v, _b.bool) or _b.type(_v) is _b.int and _v in (0, 1)):\n"
	"                _bad(_path, \"a bool\", _v)\n"
	"            _out.append(b\"1\\n\" if _v else b\"0\\n\")\n"
	"        else:\n"
	"            if not _b.isinstance(_v, _b.str):\n"
	"                _bad(_path, \"a str\", _v)\n"
	"            _e = _v.encode(\"utf-8\", \"surrogatepass\")\n"
	"            _out.append(b\"%d\\n%s\\n\" % (_b.len(_e), _e))\n"
	"\n"
	"    _g = _b.globals()\n"
	"    _fn = _g.get(_name)\n"
	"    if not _b.callable(_fn) and _b.isinstance(_g.get(\"Solution\"), _b.type):\n"
	"        _fn = _b.getattr(_g[\"Solution\"](), _name, None)\n"
	"    if not _b.callable(_fn):\n"
	"        _sys.stderr.write(\"define the function %s(@PARAMS@)\\n\" % _name)\n"
	"        _sys.exit(1)\n"
	"    _args = [@READ@]\n"
	"    _put(_fn(*_args), @RET@, ())\n"
	"    _sys.stdout.flush()\n"
	"    _o = b\"\".join(_out)\n"
	"    while _o:\n"
	"        _o = _o[_os.write(@FD@, _o):]\n"
	"\n"
	"\n"
	"_ce_main()\n";

/* JavaScript: after the code, in a function of its own; the leading ";" ends a
 * statement the code left open */
static const char js_harness_text[] =
	"\n"
	";(function () {\n"
	"    const ceFs = require(\"fs\");\n"
	"    const ceName = \"@FN@\";\n"
	"    const ceIn = ceFs.readFileSync(0);\n"
	"    const ceOut = [];\n"
	"    let cePos = 0;\n"
	"\n"
	"    function ceTok() {\n"
	"        const end = ceIn.indexOf(10, cePos);\n"
	"        const t = ceIn.toString(\"latin1\", cePos, end);\n"
	"        cePos = end + 1;\n"
	"        return t;\n"
	"    }\n"
	"\n"
	"    function ceStr() {\n"
	"        const n = Number(ceTok());\n"
	"        const s = ceIn.toString(\"utf8\", cePos, cePos + n);\n"
	"        cePos += n + 1;\n"
	"        return s;\n"
	"    }\n"
	"\n"
	"    const ceNum = () => Number(ceTok());\n"
	"    const ceScalars = [ceNum, ceNum, () => ceTok() === \"1\", ceStr];\n"
	"\n"
	"    function ceRead(base, dims) {\n"
	"        if (!dims) return ceScalars[base]();\n"
	"        const n = Number(ceTok());\n"
	"        const a = new Array(n);\n"
	"        for (let i = 0; i < n; i++) a[i] = ceRead(base, dims - 1);\n"
	"        return a;\n"
	"    }\n"
	"\n"
	"    function ceBad(path, want, v) {\n"
	"        let shown;\n"
	"        try {\n"
	"            shown = typeof v === \"bigint\" ? v + \"n\" : JSON.stringify(v);\n"
	"        } catch (e) {\n"
	"            shown = undefined;\n"
	"        }\n"
	"        if (shown === undefined) shown = String(v);\n"
	"        const at = path.map((i) => \"[\" + i + \"]\").join(\"\");\n"
	"        process.stderr.write(ceName + \" returned \" + shown.slice(0, 60) + \" (\" + typeof v +\n"
	"            \")\" + (at ? \" at \" + at : \"\") + \" where \" + want + \" was expected\\n\");\n"
	"        process.exit(1);\n"
	"    }\n"
	"\n"
	"    function cePut(v, base, dims, path) {\n"
	"        if ((dims || base === 3) && (v === null || v === undefined)) {\n"
	"            ceOut.push(\"-1\\n\");\n"
	"            return;\n"
	"        }\n"
	"        if (dims) {\n"
	"            if (!Array.isArray(v) && !ArrayBuffer.isView(v))\n"
	"                ceBad(path, \"an array\", v);\n"
	"            ceOut.push(v.length + \"\\n\");\n"
	"            for (let i = 0; i < v.length; i++)\n"
	"                cePut(v[i], base, dims - 1, path.concat([i]));\n"
	"            return;\n"
	"        }\n"
	"        switch (base) {\n"
	"        case 0:\n"
	"            if (typeof v === \"bigint\") {\n"
	"                if (v < -9223372036854775808n || v > 9223372036854775807n)\n"
	"                    ceBad(path, \"a 64-bit integer\", v);\n"
	"            } else if (typeof v !== \"number\" || !Number.isInteger(v)) {\n"
	"                ceBad(path, \"an integer\", v);\n"
	"            } else if (v < -9223372036854775808 || v >= 9223372036854775808) {\n"
	"                ceBad(path, \"a 64-bit integer\", v);\n"
	"            }\n"
	"            ceOut.push(BigInt(v).toString() + \"\\n\");\n"
	"            break;\n"
	"        case 1:\n"
	"            if (typeof v !== \"number\") ceBad(path, \"a number\", v);\n"
	"            ceOut.push(String(v) + \"\\n\");\n"
	"            break;\n"
	"        case 2:\n"
	"            if (typeof v !== \"boolean\") ceBad(path, \"a boolean\", v);\n"
	"            ceOut.push(v ? \"1\\n\" : \"0\\n\");\n"
	"            break;\n"
	"        default: {\n"
	"            if (typeof v !== \"string\") ceBad(path, \"a string\", v);\n"
	"            const b = Buffer.from(v, \"utf8\");\n"
	"            ceOut.push(b.length + \"\\n\", b, \"\\n\");\n"
	"        }\n"
	"        }\n"
	"    }\n"
	"\n"
	"    let ceFn = typeof @FN@ === \"function\" ? @FN@ : undefined;\n"
	"    if (!ceFn && typeof Solution === \"function\") {\n"
	"        const s = new Solution();\n"
	"        if (typeof s[ceName] === \"function\") ceFn = s[ceName].bind(s);\n"
	"    }\n"
	"    if (!ceFn) {\n"
	"        process.stderr.write(\"define the function \" + ceName + \"(@PARAMS@)\\n\");\n"
	"        process.exit(1);\n"
	"    }\n"
	"    const ceArgs = [@READ@];\n"
	"    cePut(ceFn(...ceArgs), @RET@, []);\n"
	"    const ceBuf = Buffer.concat(ceOut.map((x) =>\n"
	"        (typeof x === \"string\" ? Buffer.from(x) : x)));\n"
	"    for (let off = 0; off < ceBuf.length;)\n"
	"        off += ceFs.writeSync(@FD@, ceBuf, off, ceBuf.length - off);\n"
	"})();\n";

/* Java: the class CeMain after the code; fully qualified names, so no import is needed */
static const char java_harness_text[] =
	"\n"
	"class CeMain {\n"
	"    private static byte[] ceIn;\n"
	"    private static int cePos;\n"
	"    private static final java.io.ByteArrayOutputStream ceOut =\n"
	"        new java.io.ByteArrayOutputStream();\n"
	"\n"
	"    private static java.lang.String ceTok() {\n"
	"        int start = cePos;\n"
	"        while (ceIn[cePos] != '\\n') cePos++;\n"
	"        int n = cePos++ - start;\n"
	"        return new java.lang.String(ceIn, start, n,\n"
	"                                    java.nio.charset.StandardCharsets.ISO_8859_1);\n"
	"    }\n"
	"\n"
	"    private static int ceLen() {\n"
	"        return java.lang.Integer.parseInt(ceTok());\n"
	"    }\n"
	"\n"
	"    private static long ceReadInt() {\n"
	"        return java.lang.Long.parseLong(ceTok());\n"
	"    }\n"
	"\n"
	"    private static double ceReadDouble() {\n"
	"        return java.lang.Double.parseDouble(ceTok());\n"
	"    }\n"
	"\n"
	"    private static boolean ceReadBool() {\n"
	"        return ceTok().equals(\"1\");\n"
	"    }\n"
	"\n"
	"    private static java.lang.String ceReadString() {\n"
	"        int n = ceLen();\n"
	"        java.lang.String s =\n"
	"            new java.lang.String(ceIn, cePos, n, java.nio.charset.StandardCharsets.UTF_8);\n"
	"        cePos += n + 1;\n"
	"        return s;\n"
	"    }\n"
	"\n"
	"    private static void cePut(java.lang.String s) {\n"
	"        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);\n"
	"        ceOut.write(b, 0, b.length);\n"
	"    }\n"
	"\n"
	"    private static void ceWriteInt(long v) {\n"
	"        cePut(v + \"\\n\");\n"
	"    }\n"
	"\n"
	"    private static void ceWriteDouble(double v) {\n"
	"        cePut(java.lang.Double.toString(v) + \"\\n\");\n"
	"    }\n"
	"\n"
	"    private static void ceWriteBool(boolean v) {\n"
	"        cePut(v ? \"1\\n\" : \"0\\n\");\n"
	"    }\n"
	"\n"
	"    private static void ceWriteString(java.lang.String v) {\n"
	"        if (v == null) {\n"
	"            cePut(\"-1\\n\");\n"
	"            return;\n"
	"        }\n"
	"        byte[] b = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);\n"
	"        cePut(b.length + \"\\n\");\n"
	"        ceOut.write(b, 0, b.length);\n"
	"        cePut(\"\\n\");\n"
	"    }\n"
	"@ARRAYS@\n"
	"    /* Java opens no descriptor by number: give a new FileDescriptor the inherited one */\n"
	"    private static void ceEmit() throws java.lang.Exception {\n"
	"        java.io.FileDescriptor fd = new java.io.FileDescriptor();\n"
	"        java.lang.Class<?> u = java.lang.Class.forName(\"sun.misc.Unsafe\");\n"
	"        java.lang.reflect.Field f = u.getDeclaredField(\"theUnsafe\");\n"
	"        f.setAccessible(true);\n"
	"        java.lang.Object unsafe = f.get(null);\n"
	"        java.lang.reflect.Field number = java.io.FileDescriptor.class.getDeclaredField(\"fd\");\n"
	"        java.lang.reflect.Method offset =\n"
	"            u.getMethod(\"objectFieldOffset\", java.lang.reflect.Field.class);\n"
	"        long off = (java.lang.Long) offset.invoke(unsafe, number);\n"
	"        u.getMethod(\"putInt\", java.lang.Object.class, long.class, int.class)\n"
	"            .invoke(unsafe, fd, off, @FD@);\n"
	"        try (java.io.FileOutputStream o = new java.io.FileOutputStream(fd)) {\n"
	"            ceOut.writeTo(o);\n"
	"        }\n"
	"    }\n"
	"\n"
	"    public static void main(String[] args) throws java.lang.Throwable {\n"
	"        ceIn = java.lang.System.in.readAllBytes();\n"
	"@READ@        @WRITE@(new Solution().@FN@(@ARGS@));\n"
	"        java.lang.System.out.flush();\n"
	"        ceEmit();\n"
	"    }\n"
	"}\n";

/* Java: the readers and writers of T[] and T[][], for each base type */
static const char java_arrays_text[] =
	"\n"
	"    private static @T@[] ceRead@N@1() {\n"
	"        @T@[] a = new @T@[ceLen()];\n"
	"        for (int i = 0; i < a.length; i++) a[i] = ceRead@N@();\n"
	"        return a;\n"
	"    }\n"
	"\n"
	"    private static @T@[][] ceRead@N@2() {\n"
	"        @T@[][] a = new @T@[ceLen()][];\n"
	"        for (int i = 0; i < a.length; i++) a[i] = ceRead@N@1();\n"
	"        return a;\n"
	"    }\n"
	"\n"
	"    private static void ceWrite@N@1(@T@[] v) {\n"
	"        if (v == null) {\n"
	"            cePut(\"-1\\n\");\n"
	"            return;\n"
	"        }\n"
	"        cePut(v.length + \"\\n\");\n"
	"        for (@T@ x : v) ceWrite@N@(x);\n"
	"    }\n"
	"\n"
	"    private static void ceWrite@N@2(@T@[][] v) {\n"
	"        if (v == null) {\n"
	"            cePut(\"-1\\n\");\n"
	"            return;\n"
	"        }\n"
	"        cePut(v.length + \"\\n\");\n"
	"        for (@T@[] x : v) ceWrite@N@1(x);\n"
	"    }\n";

/* C#: the class CeMain after the code; global:: names, whatever the code declares */
static const char cs_harness_text[] =
	"\n"
	"class CeMain {\n"
	"    [global::System.Runtime.InteropServices.DllImport(\"libc\", EntryPoint = \"write\",\n"
	"                                                      SetLastError = true)]\n"
	"    private static extern global::System.IntPtr CeWrite(int fd, byte[] buf,\n"
	"                                                        global::System.IntPtr count);\n"
	"\n"
	"    private static byte[] ceIn;\n"
	"    private static int cePos;\n"
	"    private static readonly global::System.IO.MemoryStream ceOut =\n"
	"        new global::System.IO.MemoryStream();\n"
	"    private static readonly global::System.Globalization.CultureInfo ceC =\n"
	"        global::System.Globalization.CultureInfo.InvariantCulture;\n"
	"\n"
	"    private static string ceTok() {\n"
	"        int start = cePos;\n"
	"        while (ceIn[cePos] != (byte)'\\n') cePos++;\n"
	"        int n = cePos++ - start;\n"
	"        return global::System.Text.Encoding.ASCII.GetString(ceIn, start, n);\n"
	"    }\n"
	"\n"
	"    private static int ceLen() {\n"
	"        return int.Parse(ceTok(), ceC);\n"
	"    }\n"
	"\n"
	"    private static long ceReadInt() {\n"
	"        return long.Parse(ceTok(), ceC);\n"
	"    }\n"
	"\n"
	"    private static double ceReadDouble() {\n"
	"        return double.Parse(ceTok(), global::System.Globalization.NumberStyles.Float,\n"
	"                            ceC);\n"
	"    }\n"
	"\n"
	"    private static bool ceReadBool() {\n"
	"        return ceTok() == \"1\";\n"
	"    }\n"
	"\n"
	"    private static string ceReadString() {\n"
	"        int n = ceLen();\n"
	"        string s = global::System.Text.Encoding.UTF8.GetString(ceIn, cePos, n);\n"
	"        cePos += n + 1;\n"
	"        return s;\n"
	"    }\n"
	"\n"
	"    private static void cePut(string s) {\n"
	"        byte[] b = global::System.Text.Encoding.ASCII.GetBytes(s);\n"
	"        ceOut.Write(b, 0, b.Length);\n"
	"    }\n"
	"\n"
	"    private static void ceWriteInt(long v) {\n"
	"        cePut(v.ToString(ceC) + \"\\n\");\n"
	"    }\n"
	"\n"
	"    private static void ceWriteDouble(double v) {\n"
	"        cePut(v.ToString(\"G17\", ceC) + \"\\n\");\n"
	"    }\n"
	"\n"
	"    private static void ceWriteBool(bool v) {\n"
	"        cePut(v ? \"1\\n\" : \"0\\n\");\n"
	"    }\n"
	"\n"
	"    private static void ceWriteString(string v) {\n"
	"        if (v == null) {\n"
	"            cePut(\"-1\\n\");\n"
	"            return;\n"
	"        }\n"
	"        byte[] b = global::System.Text.Encoding.UTF8.GetBytes(v);\n"
	"        cePut(b.Length.ToString(ceC) + \"\\n\");\n"
	"        ceOut.Write(b, 0, b.Length);\n"
	"        cePut(\"\\n\");\n"
	"    }\n"
	"@ARRAYS@\n"
	"    private static void ceEmit() {\n"
	"        byte[] b = ceOut.ToArray();\n"
	"        int off = 0;\n"
	"        while (off < b.Length) {\n"
	"            byte[] rest = b;\n"
	"            if (off > 0) {\n"
	"                rest = new byte[b.Length - off];\n"
	"                global::System.Array.Copy(b, off, rest, 0, rest.Length);\n"
	"            }\n"
	"            long n = (long)CeWrite(@FD@, rest, (global::System.IntPtr)rest.Length);\n"
	"            if (n < 0) {\n"
	"                int e = global::System.Runtime.InteropServices.Marshal.GetLastWin32Error();\n"
	"                if (e == 4) continue;\n"
	"                throw new global::System.IO.IOException(\"cannot write the result: errno \" + e);\n"
	"            }\n"
	"            off += (int)n;\n"
	"        }\n"
	"    }\n"
	"\n"
	"    static void Main() {\n"
	"        var input = new global::System.IO.MemoryStream();\n"
	"        global::System.Console.OpenStandardInput().CopyTo(input);\n"
	"        ceIn = input.ToArray();\n"
	"@READ@        @WRITE@(new global::Solution().@FN@(@ARGS@));\n"
	"        global::System.Console.Out.Flush();\n"
	"        ceEmit();\n"
	"    }\n"
	"}\n";

/* C#: the readers and writers of T[] and T[][], for each base type */
static const char cs_arrays_text[] =
	"\n"
	"    private static @T@[] ceRead@N@1() {\n"
	"        @T@[] a = new @T@[ceLen()];\n"
	"        for (int i = 0; i < a.Length; i++) a[i] = ceRead@N@();\n"
	"        return a;\n"
	"    }\n"
	"\n"
	"    private static @T@[][] ceRead@N@2() {\n"
	"        @T@[][] a = new @T@[ceLen()][];\n"
	"        for (int i = 0; i < a.Length; i++) a[i] = ceRead@N@1();\n"
	"        return a;\n"
	"    }\n"
	"\n"
	"    private static void ceWrite@N@1(@T@[] v) {\n"
	"        if (v == null) {\n"
	"            cePut(\"-1\\n\");\n"
	"            return;\n"
	"        }\n"
	"        cePut(v.Length.ToString(ceC) + \"\\n\");\n"
	"        foreach (@T@ x in v) ceWrite@N@(x);\n"
	"    }\n"
	"\n"
	"    private static void ceWrite@N@2(@T@[][] v) {\n"
	"        if (v == null) {\n"
	"            cePut(\"-1\\n\");\n"
	"            return;\n"
	"        }\n"
	"        cePut(v.Length.ToString(ceC) + \"\\n\");\n"
	"        foreach (@T@[] x in v) ceWrite@N@1(x);\n"
	"    }\n";

/* C++: after the code (which may "#define int long long") */
static const char cpp_harness_text[] =
	"#undef int\n"
	"namespace ce_h {\n"
	"static std::vector<char> in;\n"
	"static size_t pos;\n"
	"static std::string out;\n"
	"\n"
	"static void load() {\n"
	"    char buf[65536];\n"
	"    size_t n;\n"
	"    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0)\n"
	"        in.insert(in.end(), buf, buf + n);\n"
	"}\n"
	"\n"
	"static const char *tok() {\n"
	"    char *t = in.data() + pos;\n"
	"    char *e = static_cast<char *>(std::memchr(t, '\\n', in.size() - pos));\n"
	"    *e = '\\0';\n"
	"    pos = static_cast<size_t>(e - in.data()) + 1;\n"
	"    return t;\n"
	"}\n"
	"\n"
	"static long long rInt() { return std::strtoll(tok(), nullptr, 10); }\n"
	"static double rDouble() { return std::strtod(tok(), nullptr); }\n"
	"static bool rBool() { return tok()[0] == '1'; }\n"
	"\n"
	"static std::string rString() {\n"
	"    size_t n = std::strtoull(tok(), nullptr, 10);\n"
	"    std::string s(in.data() + pos, n);\n"
	"    pos += n + 1;\n"
	"    return s;\n"
	"}\n"
	"\n"
	"template <class T> static std::vector<T> rVec(T (*f)()) {\n"
	"    size_t n = std::strtoull(tok(), nullptr, 10);\n"
	"    std::vector<T> v;\n"
	"    v.reserve(n);\n"
	"    for (size_t i = 0; i < n; i++) v.push_back(f());\n"
	"    return v;\n"
	"}\n"
	"\n"
	"static std::vector<long long> rInt1() { return rVec(rInt); }\n"
	"static std::vector<double> rDouble1() { return rVec(rDouble); }\n"
	"static std::vector<bool> rBool1() { return rVec(rBool); }\n"
	"static std::vector<std::string> rString1() { return rVec(rString); }\n"
	"static std::vector<std::vector<long long>> rInt2() { return rVec(rInt1); }\n"
	"static std::vector<std::vector<double>> rDouble2() { return rVec(rDouble1); }\n"
	"static std::vector<std::vector<bool>> rBool2() { return rVec(rBool1); }\n"
	"static std::vector<std::vector<std::string>> rString2() { return rVec(rString1); }\n"
	"\n"
	"static void wInt(long long v) {\n"
	"    out += std::to_string(v);\n"
	"    out += '\\n';\n"
	"}\n"
	"\n"
	"static void wDouble(double v) {\n"
	"    char b[40];\n"
	"    std::snprintf(b, sizeof b, \"%.17g\\n\", v);\n"
	"    out += b;\n"
	"}\n"
	"\n"
	"static void wBool(bool v) { out += v ? \"1\\n\" : \"0\\n\"; }\n"
	"\n"
	"static void wString(const std::string &s) {\n"
	"    out += std::to_string(s.size());\n"
	"    out += '\\n';\n"
	"    out += s;\n"
	"    out += '\\n';\n"
	"}\n"
	"\n"
	"template <class V, class F> static void wVec(const V &v, F f) {\n"
	"    out += std::to_string(v.size());\n"
	"    out += '\\n';\n"
	"    for (const auto &x : v) f(x);\n"
	"}\n"
	"\n"
	"static void emit() {\n"
	"    std::cout.flush();\n"
	"    std::fflush(stdout);\n"
	"    FILE *f = fdopen(@FD@, \"wb\");\n"
	"    if (!f || std::fwrite(out.data(), 1, out.size(), f) != out.size() ||\n"
	"        std::fclose(f) != 0) {\n"
	"        std::fputs(\"cannot write the result to descriptor @FD@\\n\", stderr);\n"
	"        std::exit(1);\n"
	"    }\n"
	"}\n"
	"}  // namespace ce_h\n"
	"\n"
	"int main() {\n"
	"    ce_h::load();\n"
	"@READ@    Solution ce_s;\n"
	"    auto &&ce_r = ce_s.@FN@(@ARGS@);\n"
	"    @WRITE@;\n"
	"    ce_h::emit();\n"
	"    return 0;\n"
	"}\n";

/* C: after the code */
static const char c_harness_text[] =
	"static char *ce_in, *ce_out;\n"
	"static size_t ce_len, ce_pos, ce_olen, ce_ocap;\n"
	"\n"
	"static void ce_die(const char *what, long long n)\n"
	"{\n"
	"\tfflush(stdout);\n"
	"\tfprintf(stderr, what, n);\n"
	"\tfputc('\\n', stderr);\n"
	"\texit(1);\n"
	"}\n"
	"\n"
	"static void *ce_alloc(size_t n)\n"
	"{\n"
	"\tvoid *p = malloc(n ? n : 1);\n"
	"\n"
	"\tif (!p)\n"
	"\t\tce_die(\"out of memory (%lld bytes)\", (long long)n);\n"
	"\treturn p;\n"
	"}\n"
	"\n"
	"static void ce_load(void)\n"
	"{\n"
	"\tsize_t cap = 65536, n;\n"
	"\n"
	"\tce_in = ce_alloc(cap);\n"
	"\twhile ((n = fread(ce_in + ce_len, 1, cap - ce_len, stdin)) > 0) {\n"
	"\t\tce_len += n;\n"
	"\t\tif (ce_len == cap && !(ce_in = realloc(ce_in, cap *= 2)))\n"
	"\t\t\tce_die(\"out of memory (%lld bytes)\", (long long)cap);\n"
	"\t}\n"
	"}\n"
	"\n"
	"static char *ce_tok(void)\n"
	"{\n"
	"\tchar *t = ce_in + ce_pos, *e = memchr(t, '\\n', ce_len - ce_pos);\n"
	"\n"
	"\t*e = '\\0';\n"
	"\tce_pos = (size_t)(e - ce_in) + 1;\n"
	"\treturn t;\n"
	"}\n"
	"\n"
	"static long long ce_r_int(void) { return strtoll(ce_tok(), NULL, 10); }\n"
	"static double ce_r_double(void) { return strtod(ce_tok(), NULL); }\n"
	"static bool ce_r_bool(void) { return ce_tok()[0] == '1'; }\n"
	"\n"
	"static char *ce_r_string(void)\n"
	"{\n"
	"\tsize_t n = strtoull(ce_tok(), NULL, 10);\n"
	"\tchar *s = ce_alloc(n + 1);\n"
	"\n"
	"\tmemcpy(s, ce_in + ce_pos, n);\n"
	"\ts[n] = '\\0';\n"
	"\tce_pos += n + 1;\n"
	"\treturn s;\n"
	"}\n"
	"\n"
	"static void ce_put(const char *p, size_t n)\n"
	"{\n"
	"\tif (ce_olen + n > ce_ocap) {\n"
	"\t\twhile (ce_olen + n > ce_ocap)\n"
	"\t\t\tce_ocap = ce_ocap ? ce_ocap * 2 : 65536;\n"
	"\t\tif (!(ce_out = realloc(ce_out, ce_ocap)))\n"
	"\t\t\tce_die(\"out of memory (%lld bytes)\", (long long)ce_ocap);\n"
	"\t}\n"
	"\tmemcpy(ce_out + ce_olen, p, n);\n"
	"\tce_olen += n;\n"
	"}\n"
	"\n"
	"static void ce_w_int(long long v)\n"
	"{\n"
	"\tchar b[32];\n"
	"\n"
	"\tce_put(b, (size_t)snprintf(b, sizeof(b), \"%lld\\n\", v));\n"
	"}\n"
	"\n"
	"static void ce_w_double(double v)\n"
	"{\n"
	"\tchar b[40];\n"
	"\n"
	"\tce_put(b, (size_t)snprintf(b, sizeof(b), \"%.17g\\n\", v));\n"
	"}\n"
	"\n"
	"static void ce_w_bool(bool v) { ce_put(v ? \"1\\n\" : \"0\\n\", 2); }\n"
	"\n"
	"static void ce_w_string(const char *s)\n"
	"{\n"
	"\tchar b[32];\n"
	"\tsize_t n;\n"
	"\n"
	"\tif (!s) {\n"
	"\t\tce_put(\"-1\\n\", 3);\n"
	"\t\treturn;\n"
	"\t}\n"
	"\tn = strlen(s);\n"
	"\tce_put(b, (size_t)snprintf(b, sizeof(b), \"%zu\\n\", n));\n"
	"\tce_put(s, n);\n"
	"\tce_put(\"\\n\", 1);\n"
	"}\n"
	"\n"
	"static void ce_w_count(const void *a, int n)\n"
	"{\n"
	"\tchar b[32];\n"
	"\n"
	"\tif (n < 0)\n"
	"\t\tce_die(\"@FN@ returned an array with a negative size (%lld)\", (long long)n);\n"
	"\tif (!a && n > 0)\n"
	"\t\tce_die(\"@FN@ returned NULL for an array of size %lld\", (long long)n);\n"
	"\tce_put(b, (size_t)snprintf(b, sizeof(b), \"%d\\n\", n));\n"
	"}\n"
	"@ARRAYS@\n"
	"static void ce_emit(void)\n"
	"{\n"
	"\tFILE *f;\n"
	"\n"
	"\tfflush(stdout);\n"
	"\tf = fdopen(@FD@, \"wb\");\n"
	"\tif (!f || fwrite(ce_out, 1, ce_olen, f) != ce_olen || fclose(f) != 0)\n"
	"\t\tce_die(\"cannot write the result to descriptor %lld\", (long long)@FD@);\n"
	"}\n"
	"\n"
	"int main(void)\n"
	"{\n"
	"\tce_load();\n"
	"@MAIN@\treturn 0;\n"
	"}\n";

/* C: the readers and writers of T[] and T[][], for each base type */
static const char c_arrays_text[] =
	"\n"
	"static @T@*ce_r_@N@1(int *n)\n"
	"{\n"
	"\tint i, k = (int)ce_r_int();\n"
	"\t@T@*a = ce_alloc(sizeof(*a) * (size_t)k);\n"
	"\n"
	"\tfor (i = 0; i < k; i++)\n"
	"\t\ta[i] = ce_r_@N@();\n"
	"\t*n = k;\n"
	"\treturn a;\n"
	"}\n"
	"\n"
	"static @T@**ce_r_@N@2(int *n, int **cols)\n"
	"{\n"
	"\tint i, k = (int)ce_r_int();\n"
	"\t@T@**a = ce_alloc(sizeof(*a) * (size_t)k);\n"
	"\n"
	"\t*cols = ce_alloc(sizeof(int) * (size_t)k);\n"
	"\tfor (i = 0; i < k; i++)\n"
	"\t\ta[i] = ce_r_@N@1(&(*cols)[i]);\n"
	"\t*n = k;\n"
	"\treturn a;\n"
	"}\n"
	"\n"
	"static void ce_w_@N@1(@T@*a, int n)\n"
	"{\n"
	"\tint i;\n"
	"\n"
	"\tce_w_count(a, n);\n"
	"\tfor (i = 0; i < n; i++)\n"
	"\t\tce_w_@N@(a[i]);\n"
	"}\n"
	"\n"
	"static void ce_w_@N@2(@T@**a, int n, int *cols)\n"
	"{\n"
	"\tint i;\n"
	"\n"
	"\tce_w_count(a, n);\n"
	"\tif (n > 0 && !cols)\n"
	"\t\tce_die(\"@FN@ returned %lld rows but no *returnColumnSizes\", (long long)n);\n"
	"\tfor (i = 0; i < n; i++)\n"
	"\t\tce_w_@N@1(a[i], cols[i]);\n"
	"}\n";

/* Text being generated; an allocation failure is remembered, not checked at each step. */
struct gen {
	struct strbuf *sb;
	bool oom;
};

static void add(struct gen *g, const char *s)
{
	if (strbuf_addstr(g->sb, s) < 0)
		g->oom = true;
}

static void addf(struct gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void addf(struct gen *g, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (strbuf_vaddf(g->sb, fmt, ap) < 0)
		g->oom = true;
	va_end(ap);
}

static void subst(struct gen *g, struct strbuf *sb, const char *key, const char *value)
{
	if (strbuf_replace_all(sb, key, value) < 0)
		g->oom = true;
}

static const char *const cap_names[SIG_BASE__MAX] = { "Int", "Double", "Bool", "String" };
static const char *const low_names[SIG_BASE__MAX] = { "int", "double", "bool", "string" };

/* "nums, target" */
static void param_list(struct gen *g, const struct signature *sig)
{
	size_t i;

	for (i = 0; i < sig->nparams; i++)
		addf(g, "%s%s", i ? ", " : "", sig->params[i].name);
}

/* ---- Python ---- */

static void py_type(struct gen *g, struct sig_type t)
{
	static const char *const names[SIG_BASE__MAX] = { "int", "float", "bool", "str" };

	addf(g, "%s%s%s%s", t.dims == 2 ? "list[list[" : t.dims == 1 ? "list[" : "", names[t.base],
	     t.dims == 2 ? "]]" : t.dims == 1 ? "]" : "", "");
}

static void py_stub(struct gen *g, const struct signature *sig)
{
	size_t i;

	addf(g, "def %s(", sig->function);
	for (i = 0; i < sig->nparams; i++) {
		addf(g, "%s%s: ", i ? ", " : "", sig->params[i].name);
		py_type(g, sig->params[i].type);
	}
	add(g, ") -> ");
	py_type(g, sig->ret);
	add(g, ":\n    pass\n");
}

/* Python and JavaScript read and write through one function driven by (base, dims). */
static void dyn_harness(struct gen *g, const struct signature *sig, const char *tmpl,
			const char *read)
{
	struct strbuf h = STRBUF_INIT, s = STRBUF_INIT;
	struct gen hg = { &h, false }, sg = { &s, false };
	char num[32];
	size_t i;

	add(&hg, tmpl);
	subst(&hg, &h, "@FN@", sig->function);
	for (i = 0; i < sig->nparams; i++)
		addf(&sg, "%s%s(%u, %u)", i ? ", " : "", read, sig->params[i].type.base,
		     sig->params[i].type.dims);
	subst(&hg, &h, "@READ@", s.buf);
	strbuf_reset(&s);
	param_list(&sg, sig);
	subst(&hg, &h, "@PARAMS@", s.buf);
	snprintf(num, sizeof(num), "%u, %u", sig->ret.base, sig->ret.dims);
	subst(&hg, &h, "@RET@", num);
	snprintf(num, sizeof(num), "%d", SIG_RESULT_FD);
	subst(&hg, &h, "@FD@", num);
	add(g, h.buf);
	g->oom |= hg.oom || sg.oom;
	strbuf_release(&h);
	strbuf_release(&s);
}

static void py_harness(struct gen *g, const struct signature *sig)
{
	dyn_harness(g, sig, py_harness_text, "_read");
}

/* ---- JavaScript ---- */

static void js_stub(struct gen *g, const struct signature *sig)
{
	static const char *const names[SIG_BASE__MAX] = { "number", "number", "boolean", "string" };
	size_t i;

	add(g, "/**\n");
	for (i = 0; i < sig->nparams; i++)
		addf(g, " * @param {%s%s} %s\n", names[sig->params[i].type.base],
		     sig->params[i].type.dims == 2 ? "[][]" : sig->params[i].type.dims ? "[]" : "",
		     sig->params[i].name);
	addf(g, " * @return {%s%s}\n */\nfunction %s(", names[sig->ret.base],
	     sig->ret.dims == 2 ? "[][]" : sig->ret.dims ? "[]" : "", sig->function);
	param_list(g, sig);
	add(g, ") {\n\n}\n");
}

static void js_harness(struct gen *g, const struct signature *sig)
{
	dyn_harness(g, sig, js_harness_text, "ceRead");
}

/* ---- Java and C#: a class Solution, the class CeMain ---- */

struct oo {
	const char *types[SIG_BASE__MAX];
	const char *head;		/* the stub's lines before the class */
	const char *harness;
	const char *arrays;
};

static const struct oo java_oo = {
	.types = { "long", "double", "boolean", "String" },
	.head = "import java.util.*;\n\n",
	.harness = java_harness_text,
	.arrays = java_arrays_text,
};

static const struct oo cs_oo = {
	.types = { "long", "double", "bool", "string" },
	.head = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\n",
	.harness = cs_harness_text,
	.arrays = cs_arrays_text,
};

static void oo_type(struct gen *g, const struct oo *oo, struct sig_type t, bool qualified)
{
	/* in the harness, String is java.lang.String: the code may declare a String of its own */
	const char *name = qualified && oo == &java_oo && t.base == SIG_STRING ? "java.lang.String"
									   : oo->types[t.base];

	addf(g, "%s%s", name, t.dims == 2 ? "[][]" : t.dims ? "[]" : "");
}

static void oo_stub(struct gen *g, const struct oo *oo, const struct signature *sig)
{
	size_t i;

	addf(g, "%spublic class Solution {\n    public ", oo->head);
	oo_type(g, oo, sig->ret, false);
	addf(g, " %s(", sig->function);
	for (i = 0; i < sig->nparams; i++) {
		add(g, i ? ", " : "");
		oo_type(g, oo, sig->params[i].type, false);
		addf(g, " %s", sig->params[i].name);
	}
	add(g, ") {\n\n    }\n}\n");
}

static void oo_harness(struct gen *g, const struct oo *oo, const struct signature *sig)
{
	struct strbuf h = STRBUF_INIT, s = STRBUF_INIT, a = STRBUF_INIT;
	struct gen hg = { &h, false }, sg = { &s, false }, ag = { &a, false };
	char num[16];
	unsigned b;
	size_t i;

	for (b = 0; b < SIG_BASE__MAX; b++) {
		strbuf_reset(&a);
		add(&ag, oo->arrays);
		subst(&ag, &a, "@T@", oo == &java_oo && b == SIG_STRING ? "java.lang.String"
								      : oo->types[b]);
		subst(&ag, &a, "@N@", cap_names[b]);
		add(&sg, a.buf);
	}
	add(&hg, oo->harness);
	subst(&hg, &h, "@ARRAYS@", s.buf);
	strbuf_reset(&s);
	for (i = 0; i < sig->nparams; i++) {
		struct sig_type t = sig->params[i].type;

		add(&sg, "        ");
		oo_type(&sg, oo, t, true);
		addf(&sg, " a%zu = ceRead%s", i, cap_names[t.base]);
		if (t.dims)
			addf(&sg, "%u", t.dims);
		add(&sg, "();\n");
	}
	subst(&hg, &h, "@READ@", s.buf);
	strbuf_reset(&s);
	for (i = 0; i < sig->nparams; i++)
		addf(&sg, "%sa%zu", i ? ", " : "", i);
	subst(&hg, &h, "@ARGS@", s.buf);
	strbuf_reset(&s);
	addf(&sg, "ceWrite%s", cap_names[sig->ret.base]);
	if (sig->ret.dims)
		addf(&sg, "%u", sig->ret.dims);
	subst(&hg, &h, "@WRITE@", s.buf);
	subst(&hg, &h, "@FN@", sig->function);
	snprintf(num, sizeof(num), "%d", SIG_RESULT_FD);
	subst(&hg, &h, "@FD@", num);
	add(g, h.buf);
	g->oom |= hg.oom || sg.oom || ag.oom;
	strbuf_release(&h);
	strbuf_release(&s);
	strbuf_release(&a);
}

static void java_stub(struct gen *g, const struct signature *sig)
{
	oo_stub(g, &java_oo, sig);
}

static void java_harness(struct gen *g, const struct signature *sig)
{
	oo_harness(g, &java_oo, sig);
}

static void cs_stub(struct gen *g, const struct signature *sig)
{
	oo_stub(g, &cs_oo, sig);
}

static void cs_harness(struct gen *g, const struct signature *sig)
{
	oo_harness(g, &cs_oo, sig);
}

/* ---- C++ ---- */

static const char *const cpp_types[SIG_BASE__MAX] = { "long long", "double", "bool", "string" };

static void cpp_type(struct gen *g, struct sig_type t)
{
	addf(g, "%s%s%s", t.dims == 2 ? "vector<vector<" : t.dims ? "vector<" : "",
	     cpp_types[t.base], t.dims == 2 ? ">>" : t.dims ? ">" : "");
}

static void cpp_stub(struct gen *g, const struct signature *sig)
{
	size_t i;

	add(g, "class Solution {\npublic:\n    ");
	cpp_type(g, sig->ret);
	addf(g, " %s(", sig->function);
	for (i = 0; i < sig->nparams; i++) {
		add(g, i ? ", " : "");
		cpp_type(g, sig->params[i].type);
		addf(g, "%s %s", sig->params[i].type.dims ? "&" : "", sig->params[i].name);
	}
	add(g, ") {\n\n    }\n};\n");
}

static void cpp_harness(struct gen *g, const struct signature *sig)
{
	struct strbuf h = STRBUF_INIT, s = STRBUF_INIT;
	struct gen hg = { &h, false }, sg = { &s, false };
	const char *b = cap_names[sig->ret.base];
	char num[16];
	size_t i;

	add(&hg, cpp_harness_text);
	for (i = 0; i < sig->nparams; i++) {
		struct sig_type t = sig->params[i].type;

		addf(&sg, "    auto ce_a%zu = ce_h::r%s", i, cap_names[t.base]);
		if (t.dims)
			addf(&sg, "%u", t.dims);
		add(&sg, "();\n");
	}
	subst(&hg, &h, "@READ@", s.buf);
	strbuf_reset(&s);
	for (i = 0; i < sig->nparams; i++)
		addf(&sg, "%sce_a%zu", i ? ", " : "", i);
	subst(&hg, &h, "@ARGS@", s.buf);
	strbuf_reset(&s);
	if (sig->ret.dims == 0)
		addf(&sg, "ce_h::w%s(ce_r)", b);
	else if (sig->ret.dims == 1)
		addf(&sg, "ce_h::wVec(ce_r, ce_h::w%s)", b);
	else
		addf(&sg, "ce_h::wVec(ce_r, [](const auto &ce_x) { ce_h::wVec(ce_x, ce_h::w%s); })",
		     b);
	subst(&hg, &h, "@WRITE@", s.buf);
	subst(&hg, &h, "@FN@", sig->function);
	snprintf(num, sizeof(num), "%d", SIG_RESULT_FD);
	subst(&hg, &h, "@FD@", num);
	add(g, h.buf);
	g->oom |= hg.oom || sg.oom;
	strbuf_release(&h);
	strbuf_release(&s);
}

/* ---- C ---- */

/* element types, written to be followed by a name or a '*' */
static const char *const c_types[SIG_BASE__MAX] = { "long long ", "double ", "bool ", "char *" };

/* "long long*", "char**", ... as the stub spells them */
static void c_type(struct gen *g, struct sig_type t)
{
	static const char *const names[SIG_BASE__MAX] = { "long long", "double", "bool", "char*" };

	addf(g, "%s%s", names[t.base], t.dims == 2 ? "**" : t.dims ? "*" : "");
}

static void c_stub(struct gen *g, const struct signature *sig)
{
	struct sig_type r = sig->ret;
	size_t i;

	if (r.dims == 1)
		addf(g, "/**\n * Return an array of *returnSize elements.\n"
		     " * Note: the returned array%s must be malloc'd; the caller frees %s.\n */\n",
		     r.base == SIG_STRING ? " and each string in it" : "",
		     r.base == SIG_STRING ? "them" : "it");
	else if (r.dims == 2)
		addf(g, "/**\n"
		     " * Return an array of *returnSize rows; set *returnColumnSizes to an array\n"
		     " * with the length of each row.\n * Note: the returned array, each row%s and "
		     "*returnColumnSizes must be malloc'd;\n * the caller frees them.\n */\n",
		     r.base == SIG_STRING ? ", each string" : "");
	else if (r.base == SIG_STRING)
		add(g, "/**\n"
		       " * Note: the returned string must be malloc'd; the caller frees it.\n */\n");
	c_type(g, r);
	addf(g, " %s(", sig->function);
	for (i = 0; i < sig->nparams; i++) {
		const struct sig_param *p = &sig->params[i];

		add(g, i ? ", " : "");
		c_type(g, p->type);
		addf(g, " %s", p->name);
		if (p->type.dims)
			addf(g, ", int %sSize", p->name);
		if (p->type.dims == 2)
			addf(g, ", int* %sColSize", p->name);
	}
	if (r.dims)
		addf(g, "%sint* returnSize", sig->nparams ? ", " : "");
	if (r.dims == 2)
		add(g, ", int** returnColumnSizes");
	if (!sig->nparams && !r.dims)
		add(g, "void");
	add(g, ") {\n\n}\n");
}

static void c_harness(struct gen *g, const struct signature *sig)
{
	struct strbuf h = STRBUF_INIT, s = STRBUF_INIT, a = STRBUF_INIT;
	struct gen hg = { &h, false }, sg = { &s, false }, ag = { &a, false };
	struct sig_type r = sig->ret;
	const char *rb = low_names[r.base];
	char num[16];
	unsigned b;
	size_t i;

	for (b = 0; b < SIG_BASE__MAX; b++) {
		strbuf_reset(&a);
		add(&ag, c_arrays_text);
		subst(&ag, &a, "@T@", c_types[b]);
		subst(&ag, &a, "@N@", low_names[b]);
		add(&sg, a.buf);
	}
	add(&hg, c_harness_text);
	subst(&hg, &h, "@ARRAYS@", s.buf);
	strbuf_reset(&s);
	for (i = 0; i < sig->nparams; i++) {
		struct sig_type t = sig->params[i].type;
		const char *pb = low_names[t.base];

		if (t.dims == 0)
			addf(&sg, "\t%sce_a%zu = ce_r_%s();\n", c_types[t.base], i, pb);
		else if (t.dims == 1)
			addf(&sg, "\tint ce_n%zu;\n\t%s*ce_a%zu = ce_r_%s1(&ce_n%zu);\n", i,
			     c_types[t.base], i, pb, i);
		else
			addf(&sg, "\tint ce_n%zu, *ce_c%zu;\n\t%s**ce_a%zu = ce_r_%s2(&ce_n%zu, "
			     "&ce_c%zu);\n", i, i, c_types[t.base], i, pb, i, i);
	}
	if (r.dims == 1)
		add(&sg, "\tint ce_rn = 0;\n");
	else if (r.dims == 2)
		add(&sg, "\tint ce_rn = 0, *ce_rc = NULL;\n");
	addf(&sg, "\t%s%s%sce_r = %s(", c_types[r.base], r.dims >= 1 ? "*" : "",
	     r.dims == 2 ? "*" : "", sig->function);
	for (i = 0; i < sig->nparams; i++) {
		addf(&sg, "%sce_a%zu", i ? ", " : "", i);
		if (sig->params[i].type.dims)
			addf(&sg, ", ce_n%zu", i);
		if (sig->params[i].type.dims == 2)
			addf(&sg, ", ce_c%zu", i);
	}
	if (r.dims)
		addf(&sg, "%s&ce_rn", sig->nparams ? ", " : "");
	if (r.dims == 2)
		add(&sg, ", &ce_rc");
	add(&sg, ");\n");
	if (r.dims == 0)
		addf(&sg, "\tce_w_%s(ce_r);\n\tce_emit();\n", rb);
	else if (r.dims == 1)
		addf(&sg, "\tce_w_%s1(ce_r, ce_rn);\n\tce_emit();\n", rb);
	else
		addf(&sg, "\tce_w_%s2(ce_r, ce_rn, ce_rc);\n\tce_emit();\n", rb);
	/* what the code malloc'd for the result, it gave away: free it as the stub says */
	if (r.dims == 2) {
		add(&sg, "\tfor (int ce_i = 0; ce_i < ce_rn; ce_i++) {\n");
		if (r.base == SIG_STRING)
			add(&sg, "\t\tfor (int ce_j = 0; ce_j < ce_rc[ce_i]; ce_j++)\n"
				 "\t\t\tfree(ce_r[ce_i][ce_j]);\n");
		add(&sg, "\t\tfree(ce_r[ce_i]);\n\t}\n\tfree(ce_r);\n\tfree(ce_rc);\n");
	} else if (r.dims == 1) {
		if (r.base == SIG_STRING)
			add(&sg, "\tfor (int ce_i = 0; ce_i < ce_rn; ce_i++)\n"
				 "\t\tfree(ce_r[ce_i]);\n");
		add(&sg, "\tfree(ce_r);\n");
	} else if (r.base == SIG_STRING) {
		add(&sg, "\tfree(ce_r);\n");
	}
	subst(&hg, &h, "@MAIN@", s.buf);
	subst(&hg, &h, "@FN@", sig->function);
	snprintf(num, sizeof(num), "%d", SIG_RESULT_FD);
	subst(&hg, &h, "@FD@", num);
	add(g, h.buf);
	g->oom |= hg.oom || sg.oom || ag.oom;
	strbuf_release(&h);
	strbuf_release(&s);
	strbuf_release(&a);
}

/* ---- messages: compiler output and run-time errors ---- */

struct line {
	const char *p;
	size_t len;	/* without the newline */
	bool nl;
};

static bool next_line(const char **pos, const char *end, struct line *ln)
{
	const char *nl;

	if (*pos >= end)
		return false;
	ln->p = *pos;
	nl = memchr(*pos, '\n', (size_t)(end - *pos));
	ln->len = nl ? (size_t)(nl - *pos) : (size_t)(end - *pos);
	ln->nl = nl != NULL;
	*pos = nl ? nl + 1 : end;
	return true;
}

static void put_line(struct gen *g, const struct line *ln)
{
	if (strbuf_add(g->sb, ln->p, ln->len) < 0 || (ln->nl && strbuf_add(g->sb, "\n", 1) < 0))
		g->oom = true;
}

/* The line from offset `from` on. */
static void put_rest(struct gen *g, const struct line *ln, size_t from)
{
	struct line rest = { ln->p + from, from < ln->len ? ln->len - from : 0, ln->nl };

	put_line(g, &rest);
}

/* The line with the number at [at, at + len) replaced by n. */
static void put_renumbered(struct gen *g, const struct line *ln, size_t at, size_t len, unsigned n)
{
	if (strbuf_add(g->sb, ln->p, at) < 0)
		g->oom = true;
	addf(g, "%u", n);
	put_rest(g, ln, at + len);
}

static bool starts_with(const struct line *ln, const char *prefix)
{
	size_t n = strlen(prefix);

	return ln->len >= n && !memcmp(ln->p, prefix, n);
}

/* Digits at s (at most 9): how many, and their value. */
static size_t digits(const char *s, const char *end, unsigned long *v)
{
	size_t n = 0;

	*v = 0;
	while (s + n < end && n < 9 && isdigit((unsigned char)s[n]))
		*v = *v * 10 + (unsigned long)(s[n++] - '0');
	return n;
}

/* Does [start, end) name the file src ("main.py", "/box/main.py")? */
static bool names_file(const char *start, const char *end, const char *src)
{
	size_t n = strlen(src);

	return (size_t)(end - start) >= n && !memcmp(end - n, src, n) &&
	       (end - n == start || end[-(ptrdiff_t)n - 1] == '/');
}

/* A stack frame line: blanks, then "at ". */
static bool is_frame(const struct line *ln)
{
	size_t i = 0;

	while (i < ln->len && (ln->p[i] == ' ' || ln->p[i] == '\t'))
		i++;
	return i > 0 && ln->len - i >= 3 && !memcmp(ln->p + i, "at ", 3);
}

static bool is_caret(const struct line *ln)
{
	size_t i;
	bool caret = false;

	for (i = 0; i < ln->len; i++) {
		if (ln->p[i] == '^' || ln->p[i] == '~')
			caret = true;
		else if (ln->p[i] != ' ' && ln->p[i] != '\t')
			return false;
	}
	return caret;
}

/* `  File "/box/main.py", line 12` and ", in f" after it for a frame */
static bool py_location(const struct line *ln, const char *src, size_t *at, size_t *len,
			unsigned long *no, bool *frame)
{
	static const char head[] = "  File \"", mid[] = "\", line ";
	const char *end = ln->p + ln->len, *q;

	if (!starts_with(ln, head))
		return false;
	q = memmem(ln->p + strlen(head), ln->len - strlen(head), mid, strlen(mid));
	if (!q || !names_file(ln->p + strlen(head), q, src))
		return false;
	*at = (size_t)(q - ln->p) + strlen(mid);
	*len = digits(ln->p + *at, end, no);
	q = ln->p + *at + *len;
	*frame = end - q >= 5 && !memcmp(q, ", in ", 5);
	return *len > 0;
}

static void fix_python(const struct lang *l, const struct sig_map *m, const char *s, size_t n,
		       struct gen *g)
{
	static const char detected[] = "(detected at line ";
	const char *pos = s, *end = s + n, *d;
	bool skip = false, frame;
	unsigned long no;
	struct line ln;
	size_t at, len;

	while (next_line(&pos, end, &ln)) {
		/* a frame's source line and markers are indented under it */
		if (skip && starts_with(&ln, "    "))
			continue;
		skip = false;
		if (py_location(&ln, l->src, &at, &len, &no, &frame) && no > m->lines) {
			skip = true;
			/* a syntax error found in the harness: the code stopped in the middle */
			if (!frame)
				put_renumbered(g, &ln, at, len, m->lines);
			continue;
		}
		d = memmem(ln.p, ln.len, detected, strlen(detected));
		if (d) {
			at = (size_t)(d - ln.p) + strlen(detected);
			len = digits(ln.p + at, ln.p + ln.len, &no);
			if (len && no > m->lines) {
				put_renumbered(g, &ln, at, len, m->lines);
				continue;
			}
		}
		put_line(g, &ln);
	}
}

/* "/box/main.js:12", alone on its line: node's header over a source excerpt */
static bool js_header(const struct line *ln, const char *src, size_t *at, size_t *len,
		      unsigned long *no)
{
	const char *colon = memrchr(ln->p, ':', ln->len);

	if (!colon || !names_file(ln->p, colon, src))
		return false;
	*at = (size_t)(colon - ln->p) + 1;
	*len = digits(ln->p + *at, ln->p + ln->len, no);
	return *len && *at + *len == ln->len;
}

/* The line of a frame "at f (/box/main.js:12:5)" or "at /box/main.js:12:5" in src. */
static bool frame_line(const struct line *ln, const char *src, unsigned long *no)
{
	size_t n = strlen(src), i;

	for (i = ln->len; i-- > n;) {
		const char *p = ln->p + i - n;

		if (ln->p[i] == ':' && !memcmp(p, src, n) &&
		    (p == ln->p || strchr("/( \t", p[-1])) && digits(ln->p + i + 1, ln->p + ln->len, no))
			return true;
	}
	return false;
}

/* The line of a Java frame "at Solution.f(Solution.java:12)". */
static bool java_frame_line(const struct line *ln, unsigned long *no)
{
	const char *end = ln->p + ln->len, *q = NULL, *p = ln->p, *hit;
	size_t len;

	while ((hit = memmem(p, (size_t)(end - p), ".java:", 6)) != NULL) {
		q = hit + 6;
		p = q;
	}
	if (!q)
		return false;
	len = digits(q, end, no);
	return len && q + len < end && q[len] == ')';
}

static void fix_js(const struct lang *l, const struct sig_map *m, const char *s, size_t n,
		   struct gen *g)
{
	const char *pos = s, *end = s + n;
	bool cut = false;
	int skip = 0;
	unsigned long no;
	struct line ln;
	size_t at, len;

	while (next_line(&pos, end, &ln)) {
		/* the source line under a header, then its caret */
		if (skip == 2 || (skip == 1 && is_caret(&ln))) {
			skip--;
			continue;
		}
		skip = 0;
		if (js_header(&ln, l->src, &at, &len, &no) && no > m->lines) {
			put_renumbered(g, &ln, at, len, m->lines);
			skip = 2;
			continue;
		}
		if (is_frame(&ln)) {
			/* under the harness's frame there is only the module loader */
			if (cut || (frame_line(&ln, l->src, &no) && no > m->lines)) {
				cut = true;
				continue;
			}
		} else {
			cut = false;
		}
		put_line(g, &ln);
	}
}

/* "Solution.java:12: " at the start: the offset after it and the line */
static bool javac_location(const struct line *ln, size_t *after, unsigned long *no)
{
	const char *end = ln->p + ln->len, *q = ln->p;
	size_t len;

	while (q < end && !isspace((unsigned char)*q) && *q != ':')
		q++;
	if (q - ln->p < 6 || memcmp(q - 5, ".java", 5) || q >= end || *q != ':')
		return false;
	len = digits(q + 1, end, no);
	if (!len || q + 1 + len + 2 > end || memcmp(q + 1 + len, ": ", 2))
		return false;
	*after = (size_t)(q + 1 + len + 2 - ln->p);
	return true;
}

static bool frame_in(const struct line *ln, const char *cls)
{
	const char *at = memmem(ln->p, ln->len, "at ", 3);

	return at && (size_t)(ln->p + ln->len - at - 3) >= strlen(cls) &&
	       !memcmp(at + 3, cls, strlen(cls));
}

static void fix_java(const struct lang *l, const struct sig_map *m, const char *s, size_t n,
		     struct gen *g)
{
	const char *pos = s, *end = s + n;
	unsigned long no;
	struct line ln;
	size_t after;
	int skip = 0;

	(void)l;
	while (next_line(&pos, end, &ln)) {
		/* javac quotes the source line under a message's first line, then a caret */
		if (skip == 2 || (skip == 1 && is_caret(&ln))) {
			skip--;
			continue;
		}
		skip = 0;
		if (javac_location(&ln, &after, &no) && no > m->lines) {
			add(g, SIG_DRIVER ": ");
			put_rest(g, &ln, after);
			skip = 2;
			continue;
		}
		if (is_frame(&ln) && (frame_in(&ln, "CeMain.") ||
				      (java_frame_line(&ln, &no) && no > m->lines)))
			continue;
		put_line(g, &ln);
	}
}

static void fix_cs(const struct lang *l, const struct sig_map *m, const char *s, size_t n,
		   struct gen *g)
{
	const char *pos = s, *end = s + n, *paren;
	unsigned long no;
	struct line ln;
	size_t len;

	while (next_line(&pos, end, &ln)) {
		/* mcs: "Main.cs(12,5): error CS0029: ..." */
		paren = memchr(ln.p, '(', ln.len);
		if (paren && names_file(ln.p, paren, l->src) &&
		    (len = digits(paren + 1, ln.p + ln.len, &no)) && no > m->lines) {
			const char *close = memchr(paren, ')', (size_t)(ln.p + ln.len - paren));

			if (close && close + 2 <= ln.p + ln.len && close[1] == ':') {
				/* "(Location of the symbol related to previous error)" */
				if (close + 3 < ln.p + ln.len && close[2] == ' ' && close[3] == '(')
					continue;
				add(g, SIG_DRIVER ":");
				put_rest(g, &ln, (size_t)(close + 2 - ln.p));
				continue;
			}
		}
		if (is_frame(&ln) && frame_in(&ln, "CeMain."))
			continue;
		put_line(g, &ln);
	}
}

/* gcc's source excerpt lines: "   12 | code", "      |   ^~~", "  +++ |+#include <x>" */
static bool gcc_excerpt(const struct line *ln)
{
	size_t i = 0;

	if (!ln->len || ln->p[0] != ' ')
		return false;
	while (i < ln->len && ln->p[i] == ' ')
		i++;
	while (i < ln->len && (isdigit((unsigned char)ln->p[i]) || ln->p[i] == '+'))
		i++;
	while (i < ln->len && ln->p[i] == ' ')
		i++;
	return i < ln->len && ln->p[i] == '|';
}

/* The name gcc gives the code: no such file, so gcc quotes no wrong line from the program. */
static void gcc_code_name(const struct lang *l, char *buf, size_t len)
{
	const char *dot = strrchr(l->src, '.');

	snprintf(buf, len, "solution%s", dot ? dot : "");
}

/*
 * Line no of the candidate's code quoted as gcc does, with a caret under
 * byte column col (gcc counts bytes when it cannot read the file); tabs go
 * to the next multiple of 8, as gcc shows them.
 */
static void gcc_quote(struct gen *g, const struct sig_map *m, unsigned long no, unsigned long col)
{
	const char *p = m->code.buf, *end = p + m->code.len, *nl;
	unsigned long i, shown = 0, caret = 0;
	size_t len, k;

	if (no < 1 || no > m->lines)
		return;
	for (i = 1; i < no; i++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return;
		p = nl + 1;
	}
	nl = memchr(p, '\n', (size_t)(end - p));
	len = nl ? (size_t)(nl - p) : (size_t)(end - p);
	if (len && p[len - 1] == '\r')
		len--;
	addf(g, "%5lu | ", no);
	for (k = 0; k < len; k++) {
		if (k + 1 == col)
			caret = shown + 1;
		if (p[k] == '\t') {
			do
				add(g, " ");
			while (++shown % 8);
			continue;
		}
		if (strbuf_add(g->sb, p + k, 1) < 0)
			g->oom = true;
		if (((unsigned char)p[k] & 0xc0) != 0x80)
			shown++;
	}
	add(g, "\n");
	if (col == len + 1)
		caret = shown + 1;
	if (caret) {
		add(g, "      | ");
		for (i = 1; i < caret; i++)
			add(g, " ");
		add(g, "^\n");
	}
}

/* The line with every "from" made "to". */
static void put_replaced(struct gen *g, const struct line *ln, const char *from, const char *to)
{
	const char *p = ln->p, *end = ln->p + ln->len, *q;
	size_t n = strlen(from);

	while ((q = memmem(p, (size_t)(end - p), from, n)) != NULL) {
		if (strbuf_add(g->sb, p, (size_t)(q - p)) < 0)
			g->oom = true;
		add(g, to);
		p = q + n;
	}
	put_rest(g, ln, (size_t)(p - ln->p));
}

static void fix_gcc(const struct lang *l, const struct sig_map *m, const char *s, size_t n,
		    struct gen *g)
{
	static const char driver[] = SIG_DRIVER ":";
	const char *pos = s, *end = s + n, *d;
	char code[32], code_colon[40], src_colon[40];
	size_t clen, i, len;
	unsigned long no, col;
	bool drop = false;
	struct line ln;

	gcc_code_name(l, code, sizeof(code));
	snprintf(code_colon, sizeof(code_colon), "%s:", code);
	snprintf(src_colon, sizeof(src_colon), "%s:", l->src);
	clen = strlen(code_colon);
	while (next_line(&pos, end, &ln)) {
		/* excerpts under the harness's messages quote the harness */
		if (gcc_excerpt(&ln)) {
			if (!drop)
				put_line(g, &ln);
			continue;
		}
		drop = false;
		if (starts_with(&ln, code_colon)) {
			put_replaced(g, &ln, code_colon, src_colon);
			len = digits(ln.p + clen, ln.p + ln.len, &no);
			if (len && clen + len < ln.len && ln.p[clen + len] == ':') {
				if (!digits(ln.p + clen + len + 1, ln.p + ln.len, &col))
					col = 0;
				gcc_quote(g, m, no, col);
			}
			continue;
		}
		if (starts_with(&ln, driver)) {
			drop = true;
			i = strlen(driver);
			/* "driver: In function 'int main()':" says nothing to the candidate */
			if (ln.len - i >= 4 && !memcmp(ln.p + i, " In ", 4))
				continue;
			for (;;) {
				len = digits(ln.p + i, ln.p + ln.len, &no);
				if (!len || i + len >= ln.len || ln.p[i + len] != ':')
					break;
				i += len + 1;
			}
			add(g, driver);
			put_rest(g, &ln, i);
			continue;
		}
		/* "In file included from driver:2:" */
		d = memmem(ln.p, ln.len, driver, strlen(driver));
		if (d && (len = digits(d + strlen(driver), ln.p + ln.len, &no))) {
			if (strbuf_add(g->sb, ln.p, (size_t)(d - ln.p)) < 0)
				g->oom = true;
			add(g, SIG_DRIVER);
			put_rest(g, &ln, (size_t)(d - ln.p) + strlen(driver) + len);
			continue;
		}
		put_replaced(g, &ln, code_colon, src_colon);
	}
}

/* ---- the languages ---- */

static const char c_preamble[] =
	"#line 1 \"" SIG_DRIVER "\"\n"
	"#include <ctype.h>\n"
	"#include <limits.h>\n"
	"#include <math.h>\n"
	"#include <stdbool.h>\n"
	"#include <stdint.h>\n"
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"#include <string.h>\n";

static const char cpp_preamble[] =
	"#line 1 \"" SIG_DRIVER "\"\n"
	"#include <bits/stdc++.h>\n"
	"using namespace std;\n";

static const struct code_lang {
	const char *id;
	void (*stub)(struct gen *g, const struct signature *sig);
	void (*harness)(struct gen *g, const struct signature *sig);
	const char *preamble;	/* before the code (C and C++) */
	void (*fix)(const struct lang *l, const struct sig_map *m, const char *s, size_t n,
		    struct gen *g);
} code_langs[] = {
	{ "python", py_stub, py_harness, NULL, fix_python },
	{ "java", java_stub, java_harness, NULL, fix_java },
	{ "cpp", cpp_stub, cpp_harness, cpp_preamble, fix_gcc },
	{ "c", c_stub, c_harness, c_preamble, fix_gcc },
	{ "javascript", js_stub, js_harness, NULL, fix_js },
	{ "csharp", cs_stub, cs_harness, NULL, fix_cs },
};

static const struct code_lang *code_lang(const struct lang *l)
{
	size_t i;

	for (i = 0; l && i < sizeof(code_langs) / sizeof(code_langs[0]); i++)
		if (!strcmp(code_langs[i].id, l->id))
			return &code_langs[i];
	return NULL;
}

void sig_map_init(struct sig_map *map)
{
	map->first = 1;
	map->lines = 0;
	strbuf_init(&map->code);
}

void sig_map_release(struct sig_map *map)
{
	strbuf_release(&map->code);
	sig_map_init(map);
}

size_t sig_candidate_lines(const char *code, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len; i++)
		n += code[i] == '\n';
	return n + (len && code[len - 1] != '\n');
}

int sig_stub(const struct signature *sig, const struct lang *l, struct strbuf *out)
{
	const struct code_lang *cl = code_lang(l);
	struct gen g = { out, false };
	size_t start = out->len;

	if (!cl)
		return -1;
	cl->stub(&g, sig);
	if (g.oom) {
		strbuf_setlen(out, start);
		return -1;
	}
	return 0;
}

int sig_program(const struct signature *sig, const struct lang *l, const char *code, size_t len,
		struct strbuf *out, struct sig_map *map)
{
	const struct code_lang *cl = code_lang(l);
	struct gen g = { out, false };
	size_t start = out->len;
	unsigned pre = 0;

	if (!cl)
		return -1;
	if (cl->preamble) {
		pre = (unsigned)sig_candidate_lines(cl->preamble, strlen(cl->preamble)) + 1;
		char name[32];

		gcc_code_name(l, name, sizeof(name));
		add(&g, cl->preamble);
		addf(&g, "#line 1 \"%s\"\n", name);
	}
	if (strbuf_add(out, code, len) < 0)
		g.oom = true;
	if (len && code[len - 1] != '\n')
		add(&g, "\n");
	if (cl->preamble)
		addf(&g, "#line %u \"%s\"\n", pre, SIG_DRIVER);
	cl->harness(&g, sig);
	if (map) {
		map->first = pre + 1;
		map->lines = (unsigned)sig_candidate_lines(code, len);
		strbuf_reset(&map->code);
		if (strbuf_add(&map->code, code, len) < 0)
			g.oom = true;
	}
	if (g.oom) {
		strbuf_setlen(out, start);
		return -1;
	}
	return 0;
}

void sig_fix_output(const struct lang *l, const struct sig_map *map, struct strbuf *text)
{
	const struct code_lang *cl = code_lang(l);
	struct strbuf o = STRBUF_INIT;
	struct gen g = { &o, false };

	if (!cl || !map || !text->len)
		return;
	cl->fix(l, map, text->buf, text->len, &g);
	if (g.oom) {
		strbuf_release(&o);
		return;
	}
	strbuf_release(text);
	*text = o;
}

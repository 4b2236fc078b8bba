using System;
#if DEBUG
#endif
namespace N.M {
    partial class @class { static void Main() {} }
    class O<T> where T : class { static void Main() {} struct S { static int Main(string[] a) { return 0; } } }
    static class P {
        static string s = $@"x""{"}"}{{y" + $"{(1 > 0 ? "}" : "{")}" + @"""}";
        public static void Main(params System.String[] args) {}
    }
}
namespace F { class Q { static async System.Threading.Tasks.Task Main() {} } }

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StyrCLI

@main
enum Styr {
    static func main() async {
        // Line-buffer standard output so that messages reach logs and pipes as they happen.
        setvbuf(stdout, nil, _IOLBF, 0)
        await StyrCommand.main()
    }
}

import StyrCLI

@main
enum Styr {
    static func main() async {
        await StyrCommand.runMain()
    }
}

// Shared by every case's verify.groovy, which sets `expected` (operationName, className, artifactId, version)
// and `projectDir` (the generated project, after its `verify` build) and evaluates this file.
import java.util.zip.ZipFile
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathFactory

def fail = { String message -> throw new AssertionError("${projectDir.name}: ${message}".toString()) }
def file = { String path ->
    def f = new File(projectDir, path)
    if (!f.isFile()) fail("missing ${path}")
    f
}
def xml = { File f -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f) }
def xpath = { doc, String expression -> XPathFactory.newInstance().newXPath().evaluate(expression, doc) }
def entries = { File archive -> new ZipFile(archive).withCloseable { zip -> zip.entries().collect { it.name } as Set } }

String fqcn = expected.className
String simpleName = fqcn.substring(fqcn.lastIndexOf('.') + 1)
String classPath = fqcn.replace('.', '/')
String services = 'META-INF/services/dev.pixelstep.spi.ImageOperation'

// Sources where the package says, registered under the class name.
def source = file("src/main/java/${classPath}.java").text
if (!source.contains("public final class ${simpleName} implements ImageOperation")) fail("${simpleName}.java does not declare the operation")
if (!source.contains("NAME = \"${expected.operationName}\"")) fail("${simpleName}.java does not use the name ${expected.operationName}")
file("src/test/java/${classPath}Test.java")
def registered = file("src/main/resources/${services}").readLines()*.trim().findAll { it && !it.startsWith('#') }
if (registered != [fqcn]) fail("services file lists ${registered}, expected [${fqcn}]")

// A standalone project: no parent, the BOM imported, the SPI provided (no namespace-aware parsing: plain names).
def pom = xml(file('pom.xml'))
if (xpath(pom, 'count(/project/parent)') != '0') fail('the generated pom must not inherit a parent')
if (xpath(pom, "/project/dependencyManagement/dependencies/dependency[artifactId='pixelstep-bom']/scope") != 'import') fail('pixelstep-bom is not imported')
if (xpath(pom, "/project/dependencies/dependency[artifactId='pixelstep-spi']/scope") != 'provided') fail('pixelstep-spi must be provided')

// The tests ran and passed: the inherited contract plus the operation's own property.
def report = xml(file("target/surefire-reports/TEST-${fqcn}Test.xml"))
int tests = xpath(report, '/testsuite/@tests').toInteger()
String failures = xpath(report, '/testsuite/@failures'), errors = xpath(report, '/testsuite/@errors')
if (tests < 10 || failures != '0' || errors != '0') fail("test report: ${tests} tests, ${failures} failures, ${errors} errors")
if (xpath(report, "count(/testsuite/testcase[starts-with(@name, 'movesEveryChannelTowardsTheTintByTheStrength')])") == '0') fail('the own property did not run')

// The plain jar and the layer zip (java/lib/<artifactId>.jar, nothing else).
def jar = file("target/${expected.artifactId}-${expected.version}.jar")
def jarEntries = entries(jar)
if (!jarEntries.containsAll([services, "${classPath}.class".toString()])) fail("jar lacks the class or its registration: ${jarEntries}")
def layer = file("target/${expected.artifactId}-${expected.version}-layer.zip")
def layerEntries = entries(layer)
if (layerEntries != ['java/', 'java/lib/', "java/lib/${expected.artifactId}.jar".toString()] as Set) fail("layer zip holds ${layerEntries}")

// The Maven wrapper runs as is; target/ and what pixelstep run and serve write stay out of git.
if (!file('mvnw').canExecute()) fail('mvnw is not executable')
file('.mvn/wrapper/maven-wrapper.properties')
['target/', 'pixelstep-out/', '.pixelstep/'].each { ignored ->
    if (!file('.gitignore').readLines().contains(ignored)) fail(".gitignore does not ignore $ignored")
}
if (new File(projectDir, 'gitignore').exists()) fail('gitignore was not renamed')

// The README tells how to run it with exactly this layer.
if (!file('README.md').text.contains("pixelstep serve --layer target/${expected.artifactId}-${expected.version}-layer.zip")) fail('README lacks the pixelstep serve command')
return true

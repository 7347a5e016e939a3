// Refuses names the pixelstep chain grammar cannot use, whatever generated the project (archetype:generate in
// batch or interactive mode, archetype:integration-test), and removes what was generated.
// (archetype-metadata.xml's validationRegex only re-prompts in interactive mode; batch mode ignores it.)
String name = request.properties.getProperty('operationName')
String className = request.properties.getProperty('className')
String problem = null
if (!(name ==~ /[a-z][a-z0-9-]*/)) {
    problem = "operationName '${name}' is not a pixelstep operation name: use lower-case letters, digits and '-', starting with a letter ([a-z][a-z0-9-]*), e.g. watermark or duo-tone"
} else if (!(className ==~ /[A-Z][A-Za-z0-9]*/)) {
    problem = "className '${className}' is not a Java class name starting with an upper-case letter, e.g. WatermarkOperation"
}
if (problem != null) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException(problem)
}

// Finishing touches archetype resources cannot carry: the wrapper's executable bit and the .gitignore name.
File project = new File(request.outputDirectory, request.artifactId)
new File(project, 'mvnw').setExecutable(true, false)
new File(project, 'gitignore').renameTo(new File(project, '.gitignore'))

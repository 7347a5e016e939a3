// The class name and the registration follow from operationName alone.
def project = new File(basedir, 'acme-duo-tone')
def source = new File(project, 'src/main/java/com/acme/DuoToneOperation.java')
if (!source.isFile() || !source.text.contains('NAME = "duo-tone"')) {
    throw new AssertionError('DuoToneOperation.java with NAME = "duo-tone" was not generated')
}
def services = new File(project, 'src/main/resources/META-INF/services/dev.pixelstep.spi.ImageOperation')
if (services.text.trim() != 'com.acme.DuoToneOperation') {
    throw new AssertionError('services file: ' + services.text)
}
return true

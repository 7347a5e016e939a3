expected = [operationName: 'soft-glow-2', className: 'org.example.pixelstep.glow.SoftGlow',
            artifactId: 'soft-glow-2', version: '2.1.0-SNAPSHOT']
// basedir: this case's directory; the project is generated under project/<artifactId>.
projectDir = new File(basedir, 'project/soft-glow-2')
return evaluate(new File(basedir, '../GeneratedProjectCheck.groovy'))

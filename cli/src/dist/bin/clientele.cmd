@echo off
rem clientele: runs the Clientele command line (lib\clientele.jar beside this bin\ folder).
rem Needs Java 17 or newer: JAVA_HOME if set, else the java on the PATH. Extra JVM options: CLIENTELE_OPTS.
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" %CLIENTELE_OPTS% -jar "%HOME_DIR%\lib\clientele.jar" %*
exit /b %ERRORLEVEL%

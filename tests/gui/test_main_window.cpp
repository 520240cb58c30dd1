// SPDX-License-Identifier: Apache-2.0
// The main window on the shipped catalogue, offscreen: browse, read the details, render to a PNG.
#include <QAction>
#include <QApplication>
#include <QImage>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QSet>
#include <QSettings>
#include <QTreeView>

#include <gtest/gtest.h>
#include <gui/widgets/catalogue_browser.hpp>
#include <gui/widgets/main_window.hpp>
#include <support/test_support.hpp>

namespace capeq::gui {

namespace {

std::filesystem::path shippedCatalogue() {
    return test::sourceDir() / "indicators";
}

class MainWindowTest : public test::TempDirTest {
protected:
    void SetUp() override {
        test::TempDirTest::SetUp();
        ASSERT_NE(qApp, nullptr) << "test_gui_environment.cpp creates the application";
    }
};

// A rendered window is "not blank" when it has many distinct colours (text, icons, selection), rather
// than one flat background.
int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

// Set CAPEQ_KEEP_SCREENSHOTS=<folder> to keep renders for a person to look at.
void keepScreenshot(const QImage& image, const QString& name) {
    if (const QString folder = qEnvironmentVariable("CAPEQ_KEEP_SCREENSHOTS"); !folder.isEmpty())
        image.save(folder + QLatin1Char('/') + name, "PNG");
}

} // namespace

TEST_F(MainWindowTest, ShowsTheShippedCatalogueAndExplainsAnIndicator) {
    MainWindow window;
    ASSERT_TRUE(window.loadCatalogue(shippedCatalogue()));
    CatalogueBrowser* browser = window.catalogueBrowser();
    const Catalogue& catalogue = browser->catalogue();
    ASSERT_FALSE(catalogue.indicators().empty());
    EXPECT_TRUE(window.statusText().startsWith(
        QStringLiteral("%1 indicators loaded").arg(catalogue.indicators().size())))
        << window.statusText().toStdString();
    EXPECT_EQ(window.findChild<QMessageBox*>(), nullptr);

    // Pick an indicator with a minimum standard when there is one, so that field is exercised too.
    const Indicator* chosen = &catalogue.indicators().front();
    for (const Indicator& indicator : catalogue.indicators())
        if (indicator.minimumStandard) {
            chosen = &indicator;
            break;
        }
    ASSERT_TRUE(browser->selectIndicator(QString::fromStdString(chosen->id.str())));
    EXPECT_EQ(browser->selectedIndicatorId().toStdString(), chosen->id.str());

    const QString details = browser->detailsText();
    EXPECT_TRUE(details.contains(QString::fromStdString(chosen->title))) << details.toStdString();
    EXPECT_TRUE(details.contains(QString::fromStdString(chosen->plainLanguage).simplified().left(40)))
        << details.toStdString();
    for (const char* label :
         {"Which way is better", "Life domain", "Aspect", "Kind of number", "Unit",
          "Who is counted (numerator)", "Out of whom (denominator)", "Goalposts for scoring",
          "Minimum standard", "Usual source", "References", "Identifier"})
        EXPECT_TRUE(details.contains(QString::fromUtf8(label))) << label;
    EXPECT_TRUE(details.contains(QStringLiteral("values are better")) ||
                details.contains(QStringLiteral("context only")));
    EXPECT_TRUE(details.contains(QString::fromStdString(catalogue.findDomain(chosen->domain)->name)));
    if (chosen->minimumStandard) {
        EXPECT_FALSE(details.contains(QStringLiteral("None set")));
    }

    // The smallest screen we design for; render and keep the picture for a person to look at.
    window.resize(1366, 768);
    window.show();
    const QImage image = window.grab().toImage();
    const auto png = tempDir() / "main_window.png";
    ASSERT_TRUE(image.save(QString::fromStdString(png.string()), "PNG"));
    EXPECT_TRUE(std::filesystem::file_size(png) > 10000u);
    EXPECT_EQ(image.width(), window.width());
    EXPECT_GT(distinctColours(image), 20);
    keepScreenshot(image, QStringLiteral("main_window.png"));
    window.close();
}

TEST_F(MainWindowTest, SearchNarrowsTheTreeAndFindActionFocusesTheSearchBox) {
    MainWindow window;
    ASSERT_TRUE(window.loadCatalogue(shippedCatalogue()));
    window.show();
    window.activateWindow();
    CatalogueBrowser* browser = window.catalogueBrowser();
    EXPECT_EQ(browser->findAction()->shortcut(), QKeySequence(QKeySequence::Find));
    browser->findAction()->trigger();
    EXPECT_TRUE(browser->searchBox()->hasFocus() || QApplication::focusWidget() == nullptr);

    const Indicator& first = browser->catalogue().indicators().front();
    browser->searchBox()->setText(QString::fromStdString(first.id.str()));
    QTreeView* tree = browser->treeView();
    ASSERT_GE(tree->model()->rowCount(), 1);
    EXPECT_TRUE(browser->selectIndicator(QString::fromStdString(first.id.str())));
    browser->searchBox()->setText(QStringLiteral("zzzz-no-such-words"));
    EXPECT_EQ(tree->model()->rowCount(), 0);
    EXPECT_FALSE(browser->selectIndicator(QString::fromStdString(first.id.str())));
    browser->searchBox()->clear();
    EXPECT_EQ(tree->model()->rowCount(), static_cast<int>(browser->catalogue().domains().size()));
    window.close();
}

TEST_F(MainWindowTest, ReturnInTheSearchBoxSelectsTheFirstMatch) {
    MainWindow window;
    ASSERT_TRUE(window.loadCatalogue(shippedCatalogue()));
    CatalogueBrowser* browser = window.catalogueBrowser();
    const Indicator& last = browser->catalogue().indicators().back();
    browser->searchBox()->setText(QString::fromStdString(last.id.str()));
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(browser->searchBox(), &press);
    EXPECT_EQ(browser->selectedIndicatorId().toStdString(), last.id.str());
    EXPECT_TRUE(browser->detailsText().contains(QString::fromStdString(last.title)));
    window.resize(1366, 768);
    window.show();
    keepScreenshot(window.grab().toImage(), QStringLiteral("search.png"));

    QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QApplication::sendEvent(browser->searchBox(), &escape);
    EXPECT_TRUE(browser->searchBox()->text().isEmpty());
}

TEST_F(MainWindowTest, RemembersItsSizeBetweenSessions) {
    QSettings().clear();
    {
        MainWindow first;
        first.show();
        first.resize(1000, 640);
        first.close(); // closeEvent saves the geometry
    }
    MainWindow second;
    EXPECT_EQ(second.size(), QSize(1000, 640));
    QSettings().clear();
}

TEST_F(MainWindowTest, MissingCatalogueGivesAMessageNotACrash) {
    MainWindow window;
    EXPECT_FALSE(window.loadCatalogue(tempDir() / "no-such-folder"));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("catalogueLoadError"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("does not exist")));
    keepScreenshot(box->grab().toImage(), QStringLiteral("load_error.png"));
    EXPECT_TRUE(window.statusText().startsWith(QStringLiteral("Catalogue could not be loaded")));
    box->close();
}

TEST_F(MainWindowTest, BrokenCatalogueShowsEveryDiagnostic) {
    // A framework file with no sections at all: the loader reports problems with file and line.
    test::writeFile(tempDir() / "framework.ini", "this is not an ini file\n");
    test::writeFile(tempDir() / "characteristics.ini", "");
    MainWindow window;
    EXPECT_FALSE(window.loadCatalogue(tempDir()));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("catalogueLoadError"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->detailedText().contains(QStringLiteral("framework.ini")))
        << box->detailedText().toStdString();
    EXPECT_TRUE(box->detailedText().contains(QStringLiteral("error"))) << box->detailedText().toStdString();
    box->close();
    // The window stays usable with an empty catalogue.
    EXPECT_EQ(window.catalogueBrowser()->treeView()->model()->rowCount(), 0);
}

} // namespace capeq::gui
